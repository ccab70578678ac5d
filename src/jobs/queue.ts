import { DelayedError, Queue, UnrecoverableError, Worker, type Job as BullJob } from "bullmq";
import { Redis } from "ioredis";
import { Unavailable } from "../domain/errors.ts";

/** The work the service does in the background. Payloads are ids and addresses: never a token. */
export type Job =
  | { name: "export_posts"; taskId: number }
  | { name: "export_email"; taskId: number }
  | { name: "password_reset_email"; email: string };

export interface JobRun {
  /** Aborted when the process shuts down: long jobs stop between steps, and are taken up again later. */
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
  /**
   * Queues the job; throws Unavailable when the queue cannot take it (Redis away, shutting down).
   * A job with the same key (one task's) as one queued or running is not queued twice.
   */
  add(job: Job): Promise<void>;
  /** Starts running jobs in this process. */
  start(handlers: JobHandlers): void;
  /** Stops taking jobs, stops the running ones between steps, and waits for them (a few seconds at most). */
  close(): Promise<void>;
}

/** An error no retry can mend (an SMTP server refusing a recipient for good): the job is given up at once. */
export interface PermanentFailure extends Error {
  permanent: true;
}

function isPermanent(error: unknown): error is PermanentFailure {
  return error instanceof Error && (error as Partial<PermanentFailure>).permanent === true;
}

/** Tries per job, the first included; the waits between them double from RETRY_DELAY_MS (1 s, 2 s, … 256 s: about 8.5 minutes in all). */
export const JOB_ATTEMPTS = 10;
export const RETRY_DELAY_MS = 1_000;
/** Jobs run at once per process. */
const CONCURRENCY = 4;
/** How long closing waits for running jobs to stop (they stop between steps) before it lets go. */
const CLOSE_TIMEOUT_MS = 5_000;
/** How long queueing a job may take before the request is answered 503. */
const ADD_TIMEOUT_MS = 2_000;

const QUEUE_UNAVAILABLE = "The job queue is unavailable for a moment; try again shortly.";

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

/** A job for the logs: its name and task, never its payload (an email address). */
function describe(job: Job, attempt: number) {
  return { job: job.name, ...("taskId" in job && { taskId: job.taskId }), attempt };
}

function failure(job: Job, error: unknown, attempt: number) {
  return { ...describe(job, attempt), err: error };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Waits for `work`, `ms` at most; then goes on whatever it was doing. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  await Promise.race([work.catch(() => {}), delay(ms)]);
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
    log.debug(describe(job, attempt), "job started");
    try {
      await handle.run(job, { signal: stopping.signal });
    } catch (error) {
      // Stopping: the task is resumed at the next start.
      if (stopping.signal.aborted) return;
      if (attempt < JOB_ATTEMPTS && !isPermanent(error)) {
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
      if (stopping.signal.aborted) throw new Unavailable(QUEUE_UNAVAILABLE);
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
      await within(CLOSE_TIMEOUT_MS, Promise.allSettled([...running]));
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
  // Queueing fails fast while Redis is away (the request is answered 503); workers block on Redis
  // and retry forever, as BullMQ requires.
  const producer = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  producer.on("error", () => {});
  const retryDelayMs = options.retryDelayMs ?? RETRY_DELAY_MS;
  const queue = new Queue<Job>(QUEUE_NAME, {
    connection: producer,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts: JOB_ATTEMPTS,
      backoff: { type: "exponential", delay: retryDelayMs },
      // Kept a while: a job added again by its key while it is kept is recognised (see add).
      removeOnComplete: { age: 86_400, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    },
  });
  queue.on("error", (error) => log.warn({ err: error }, "the job queue could not reach Redis"));
  let worker: Worker<Job> | undefined;
  let consumer: Redis | undefined;
  const stopping = new AbortController();

  async function add(job: Job): Promise<void> {
    // Reconnecting: Redis was there and is not now. Refused at once rather than left to time out.
    if (producer.status === "reconnecting" || producer.status === "close" || producer.status === "end") throw new Error(`Redis is unreachable (${producer.status})`);
    const key = jobKey(job);
    if (key === undefined) {
      // Nothing to recognise it by later: gone once done (its payload, an address, with it).
      await queue.add(job.name, job, { removeOnComplete: true });
      return;
    }
    // An export given up (or done) while its task is still unfinished (its failure could not be
    // recorded, say) is queued afresh; an email sent stays sent.
    const existing = await queue.getJob(key);
    if (existing && job.name === "export_posts" && ["completed", "failed"].includes(await existing.getState())) await existing.remove();
    await queue.add(job.name, job, { jobId: key });
  }

  return {
    kind: "redis",
    async add(job) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("queueing a job timed out")), ADD_TIMEOUT_MS)));
      try {
        await Promise.race([add(job), timeout]);
      } catch (error) {
        log.warn({ ...describe(job, 0), err: error }, "could not queue a job");
        throw new Unavailable(QUEUE_UNAVAILABLE);
      } finally {
        clearTimeout(timer);
      }
    },
    start(handle) {
      const lockMs = options.lockSeconds * 1000;
      consumer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
      consumer.on("error", () => {});
      worker = new Worker<Job>(
        QUEUE_NAME,
        async (job: BullJob<Job>, token?: string) => {
          const attempt = job.attemptsMade + 1;
          log.debug(describe(job.data, attempt), "job started");
          try {
            await handle.run(job.data, { signal: stopping.signal });
          } catch (error) {
            // Stopping: back to the queue as it was, this try not counted; another worker takes it.
            if (stopping.signal.aborted) {
              await job.moveToDelayed(Date.now(), token);
              throw new DelayedError();
            }
            if (isPermanent(error)) throw new UnrecoverableError(error.message);
            throw error;
          }
        },
        { connection: consumer, prefix: options.prefix, concurrency: CONCURRENCY, lockDuration: lockMs, stalledInterval: lockMs },
      );
      worker.on("failed", (job, error) => {
        if (!job || error instanceof DelayedError) return;
        const attempt = job.attemptsMade;
        // Given up: its tries are spent, it cannot succeed, or its workers kept dying (BullMQ's stalled limit).
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
      // Running jobs stop between steps; with Redis away, closing would wait for it forever.
      await within(CLOSE_TIMEOUT_MS, (async () => {
        await worker?.close();
        await queue.close();
      })());
      for (const redis of [producer, consumer]) redis?.disconnect();
    },
  };
}
