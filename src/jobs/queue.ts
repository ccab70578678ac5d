import { Queue, Worker, type Job as BullJob } from "bullmq";
import { Redis } from "ioredis";

/** The work the service does in the background. Payloads are ids and addresses: never a token. */
export type Job =
  | { name: "export_posts"; taskId: number }
  | { name: "export_email"; taskId: number }
  | { name: "password_reset_email"; email: string };

export interface JobRun {
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows if this attempt fails. */
  final: boolean;
  /** Aborted when the process shuts down: long jobs stop between steps and are resumed later. */
  signal: AbortSignal;
}

/** What a process that runs jobs does with them. */
export interface JobHandlers {
  run(job: Job, run: JobRun): Promise<void>;
  /** After the last try failed (or the job's workers kept dying): the job is given up. */
  failed(job: Job): Promise<void>;
}

/** One interface, two runners: BullMQ on Redis, or this process. */
export interface JobQueue {
  readonly kind: "redis" | "in-process";
  /** Queues the job. A job with the same key (one task's) as one queued or running is not queued twice. */
  add(job: Job): Promise<void>;
  /** Starts running jobs in this process. */
  start(handlers: JobHandlers): void;
  /** Stops taking jobs, stops the running ones between steps, and waits for them. */
  close(): Promise<void>;
}

/** Tries per job, the first included; waits between them double from RETRY_DELAY_MS (1 s, 2 s, … about 17 minutes in all). */
export const JOB_ATTEMPTS = 10;
export const RETRY_DELAY_MS = 1_000;
/** Jobs run at once per process. */
const CONCURRENCY = 4;

/** What makes two jobs the same job; none for jobs that may repeat (each reset request sends its email). */
function jobKey(job: Job): string | undefined {
  if (job.name === "export_posts") return `export-${job.taskId}`;
  if (job.name === "export_email") return `export-email-${job.taskId}`;
  return undefined;
}

type Log = {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
};

/** A job for the logs: its name and task, never its whole payload (an email address). */
function describe(job: Job, attempt: number) {
  return { job: job.name, ...("taskId" in job && { taskId: job.taskId }), attempt };
}

function failure(job: Job, error: unknown, attempt: number) {
  return { ...describe(job, attempt), err: error };
}

/**
 * Without Redis: jobs run in this process, at most CONCURRENCY at once, retried with backoff. They
 * do not outlive it: tasks are resumed from the database at the next start (see resumeUnfinished),
 * and an email not yet sent is asked for again by its user.
 */
export function inProcessQueue(log: Log, retryDelayMs = RETRY_DELAY_MS): JobQueue {
  let handler: JobHandlers | undefined;
  const waiting: { job: Job; attempt: number }[] = [];
  const keys = new Set<string>();
  const running = new Set<Promise<void>>();
  const retries = new Set<NodeJS.Timeout>();
  const stopping = new AbortController();

  function pump() {
    while (handler && !stopping.signal.aborted && running.size < CONCURRENCY && waiting.length > 0) {
      const { job, attempt } = waiting.shift()!;
      const done = run(handler, job, attempt).finally(() => {
        running.delete(done);
        pump();
      });
      running.add(done);
    }
  }

  async function run(handle: JobHandlers, job: Job, attempt: number): Promise<void> {
    const final = attempt >= JOB_ATTEMPTS;
    log.debug(describe(job, attempt), "job started");
    try {
      await handle.run(job, { attempt, final, signal: stopping.signal });
    } catch (error) {
      if (stopping.signal.aborted) return;
      if (!final) {
        log.warn(failure(job, error, attempt), "a job failed; it will be tried again");
        const timer = setTimeout(() => {
          retries.delete(timer);
          waiting.push({ job, attempt: attempt + 1 });
          pump();
        }, retryDelayMs * 2 ** (attempt - 1));
        retries.add(timer);
        return;
      }
      log.error(failure(job, error, attempt), "a job failed for good");
      await handle.failed(job).catch((error: unknown) => log.error(failure(job, error, attempt), "could not record a failed job"));
    }
    const key = jobKey(job);
    if (key) keys.delete(key);
  }

  return {
    kind: "in-process",
    async add(job) {
      if (stopping.signal.aborted) throw new Error("the job queue is closed");
      const key = jobKey(job);
      if (key) {
        if (keys.has(key)) return;
        keys.add(key);
      }
      waiting.push({ job, attempt: 1 });
      pump();
    },
    start(handlers) {
      handler = handlers;
      pump();
    },
    async close() {
      stopping.abort();
      for (const timer of retries) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

export interface RedisQueueOptions {
  redisUrl: string;
  prefix: string;
  lockSeconds: number;
  retryDelayMs?: number;
}

const QUEUE_NAME = "jobs";

/**
 * With Redis: BullMQ. Jobs outlive any process, run on whichever instance or worker takes them, and
 * a job whose worker died (its lock not renewed for `lockSeconds`) is taken up again by another.
 */
export function redisQueue(options: RedisQueueOptions, log: Log): JobQueue {
  // BullMQ's workers block on Redis and must retry forever; the queue shares the setting.
  const connect = () => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    redis.on("error", () => {});
    return redis;
  };
  const connection = connect();
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  const queue = new Queue<Job>(QUEUE_NAME, {
    connection,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts: JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: retryDelayMs },
      // Kept a while, so that a job added again by its key (a resumed task) is recognised as done.
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    },
  });
  queue.on("error", (error) => log.warn({ err: error }, "the job queue could not reach Redis"));
  let worker: Worker<Job> | undefined;
  let workerConnection: Redis | undefined;
  const stopping = new AbortController();

  return {
    kind: "redis",
    async add(job) {
      const key = jobKey(job);
      await queue.add(job.name, job, key === undefined ? {} : { jobId: key });
    },
    start(handle) {
      const lockMs = options.lockSeconds * 1000;
      worker = new Worker<Job>(
        QUEUE_NAME,
        async (job: BullJob<Job>) => {
          const attempt = job.attemptsMade + 1;
          log.debug(describe(job.data, attempt), "job started");
          await handle.run(job.data, { attempt, final: attempt >= (job.opts.attempts ?? 1), signal: stopping.signal });
        },
        { connection: (workerConnection = connect()), prefix: options.prefix, concurrency: CONCURRENCY, lockDuration: lockMs, stalledInterval: lockMs },
      );
      worker.on("failed", (job, error) => {
        if (!job || stopping.signal.aborted) return;
        const attempt = job.attemptsMade;
        // Given up: its tries are spent, or its workers kept dying (BullMQ's stalled limit).
        if (attempt < (job.opts.attempts ?? 1) && !job.finishedOn) {
          log.warn(failure(job.data, error, attempt), "a job failed; it will be tried again");
          return;
        }
        log.error(failure(job.data, error, attempt), "a job failed for good");
        handle.failed(job.data).catch((error: unknown) => log.error(failure(job.data, error, attempt), "could not record a failed job"));
      });
      worker.on("error", (error) => log.warn({ err: error }, "the job worker could not reach Redis"));
    },
    async close() {
      stopping.abort();
      await worker?.close();
      await queue.close();
      for (const redis of [connection, workerConnection]) await redis?.quit().catch(() => redis.disconnect());
    },
  };
}
