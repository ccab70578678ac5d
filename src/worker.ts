// `npm run worker`: runs the background jobs (exports, emails) off the API instances, on the same
// code as a server's. Needs REDIS_URL: the queue is BullMQ's. Scale it by running more of them.
import { pino } from "pino";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { describeTarget } from "./db/url.ts";
import { argon2idHasher } from "./domain/passwords.ts";
import { createPasswordResetService } from "./domain/password-reset.ts";
import { jobHandlers } from "./domain/services.ts";
import { createTasksService } from "./domain/tasks.ts";
import { redisQueue } from "./jobs/queue.ts";
import { createMailer } from "./mail/mailer.ts";
import { createAttemptLimiter } from "./rate-limits.ts";
import { keepPreparing, prepareDatabase } from "./startup.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const redisUrl = config.jobs.redisUrl;
  if (!redisUrl) {
    throw new ConfigError("Invalid configuration: REDIS_URL: the worker takes its jobs from Redis; without Redis, jobs run in the server (npm start)");
  }
  const log = pino({ level: config.logLevel, base: { pid: process.pid, role: "worker" } });
  const database = openDatabase(config.database, {
    poolSize: Math.min(config.databasePoolSize, 4),
    timeouts: config.databaseTimeouts,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  if (!(await prepareDatabase(database, config.migrateOnStart, log, 0))) await keepPreparing(database, config.migrateOnStart, log);

  const now = () => new Date();
  const jobs = redisQueue({ redisUrl, prefix: config.jobs.redisPrefix, lockSeconds: config.jobs.lockSeconds }, log);
  const mailer = createMailer(config.mail, config.mode, log);
  const attempts = await createAttemptLimiter(config.rateLimits, log);
  const tasks = createTasksService({
    repos: database.repos,
    jobs,
    mailer,
    now,
    publicUrl: config.publicUrl,
    exportRetentionDays: config.jobs.exportRetentionDays,
  });
  const passwordReset = createPasswordResetService({
    repos: database.repos,
    passwords: argon2idHasher(),
    attempts,
    jobs,
    mailer,
    now,
    resetUrl: config.mail.passwordResetUrl,
    tokenTtlSeconds: config.mail.resetTokenTtlSeconds,
  });
  jobs.start(jobHandlers({ tasks, passwordReset }));
  log.info(`worker taking jobs from Redis (${describeTarget(config.database)})`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: running jobs stop between steps and are taken up again later");
    setTimeout(() => process.exit(1), config.shutdownTimeoutSeconds * 1000).unref();
    await jobs.close();
    mailer.close();
    await attempts.close();
    await database.close();
    log.info("shut down");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
