import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimits } from "./config.ts";
import type { Attempt, AttemptLimiter } from "./domain/attempts.ts";
import { RateLimited } from "./domain/errors.ts";

export interface ClosableAttemptLimiter extends AttemptLimiter {
  close(): Promise<void>;
}

/** How long start-up waits for Redis before going on with the in-memory fallback. */
const REDIS_CONNECT_TIMEOUT_MS = 3_000;

/**
 * Fixed-window budgets per client address (each guarded action) and per username (login). With a
 * Redis URL every instance shares the budgets; should Redis be unreachable, each instance falls back
 * to its own memory rather than refusing or waving everyone through.
 */
export async function createAttemptLimiter(
  limits: RateLimits,
  log: { warn(message: string): void },
): Promise<ClosableAttemptLimiter> {
  // No offline queue: while Redis is away a command fails at once and the fallback answers.
  const redis = limits.redisUrl ? new Redis(limits.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : undefined;
  if (redis) {
    // Without a listener, a Redis outage would be an unhandled 'error' event; the fallback covers it.
    redis.on("error", () => {});
    const timeout = new Promise((resolve) => setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS).unref());
    await Promise.race([new Promise((resolve) => redis.once("ready", resolve)), timeout]);
    if (redis.status !== "ready") log.warn("Redis is unreachable: rate limits are per instance until it answers");
  }

  const budget = (name: string, points: number): RateLimiterAbstract => {
    const options = { keyPrefix: `${limits.redisPrefix}:attempts:${name}`, points, duration: limits.windowSeconds };
    const memory = new RateLimiterMemory(options);
    return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
  };
  const perAddress = {
    login: budget("login", limits.authPerAddress),
    register: budget("register", limits.authPerAddress),
    changePassword: budget("change-password", limits.authPerAddress),
    resetPassword: budget("reset-password", limits.authPerAddress),
    requestPasswordReset: budget("password-reset", limits.passwordResetsPerAddress),
  };
  const passwordResetsPerEmail = budget("password-reset-email", limits.passwordResetsPerAddress);
  const loginPerUsername = budget("login-username", limits.loginPerUsername);
  const perUser = { follow: budget("follows", limits.followsPerUser), message: budget("messages", limits.messagesPerUser) };

  async function spend(limiter: RateLimiterAbstract, key: string): Promise<number> {
    try {
      await limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
      throw rejection;
    }
  }

  /** How long the client must wait, in milliseconds: 0 when every budget it spends from had room. */
  async function waitFor(attempt: Attempt): Promise<number> {
    if ("userId" in attempt) return spend(perUser[attempt.action], String(attempt.userId));
    const waits = [await spend(perAddress[attempt.action], attempt.address)];
    if (attempt.action === "login") {
      // Usernames ignore case; hashing keeps keys short whatever a client sends.
      waits.push(await spend(loginPerUsername, createHash("sha256").update(attempt.username.toLowerCase()).digest("hex")));
    }
    if (attempt.action === "requestPasswordReset") {
      waits.push(await spend(passwordResetsPerEmail, createHash("sha256").update(attempt.email.toLowerCase()).digest("hex")));
    }
    return Math.max(...waits);
  }

  return {
    async attempt(attempt: Attempt) {
      const wait = await waitFor(attempt);
      if (wait > 0) throw new RateLimited(Math.max(1, Math.ceil(wait / 1000)));
    },
    async close() {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
