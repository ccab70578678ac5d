import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** Where jobs run: this process always; BullMQ too where TEST_REDIS_URL names a Redis (CI names one). */
export type QueueKind = "in-process" | "redis";
export const queueKinds: QueueKind[] = process.env.TEST_REDIS_URL ? ["in-process", "redis"] : ["in-process"];

export interface QueueSetting {
  /** The settings that select the queue: REDIS_URL with a prefix of its own, or none. */
  env: Record<string, string>;
  /** Deletes what the queue left in Redis. */
  clean(): Promise<void>;
}

/** A queue of `kind` kept apart from every other test's; a killed worker's job is taken up after a second. */
export function queueSetting(kind: QueueKind): QueueSetting {
  if (kind === "in-process") return { env: {}, clean: async () => {} };
  const prefix = `microblog-test-${randomBytes(6).toString("hex")}`;
  return {
    env: { REDIS_URL: process.env.TEST_REDIS_URL!, REDIS_PREFIX: prefix, JOB_LOCK_SECONDS: "1" },
    async clean() {
      const redis = new Redis(process.env.TEST_REDIS_URL!);
      try {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Polls `check` until it returns something other than undefined (or the time is up). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
