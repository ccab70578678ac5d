import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { describeTarget } from "./db/url.ts";
import { createServer } from "./server.ts";

/** Waits between attempts to reach the database at start-up: doubling from this, up to the cap. */
const STARTUP_RETRY_MS = { first: 250, max: 2_000 };
/** How long after the shutdown timeout the process exits whatever is still closing. */
const SHUTDOWN_BACKSTOP_MS = 5_000;

type Log = { warn(details: object, message: string): void };

/**
 * Migrates the database (or, when migrating is left to the deploy pipeline, checks that it is
 * migrated); tells whether it is ready to serve.
 */
async function prepareDatabase(database: Database, migrate: boolean, log: Log, attempt: number): Promise<boolean> {
  try {
    if (migrate) await database.migrate();
    const pending = await database.pendingMigrations();
    if (pending === 0) return true;
    log.warn(
      { attempt, pendingMigrations: pending },
      migrate
        ? "the database is not migrated yet; waiting"
        : `${pending} migration${pending === 1 ? " is" : "s are"} not applied and MIGRATE_ON_START is false: ` +
            "apply them (npx drizzle-kit migrate); until then /readyz answers 503",
    );
  } catch (error) {
    log.warn({ err: error, attempt }, "the database is not reachable yet; trying again");
  }
  return false;
}

/** Tries again with backoff for as long as it takes: a database that is not up yet is waited for, not a reason to exit. */
async function keepPreparing(database: Database, migrate: boolean, log: Log): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(STARTUP_RETRY_MS.first * 2 ** (attempt - 1), STARTUP_RETRY_MS.max)));
    if (await prepareDatabase(database, migrate, log, attempt)) return;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.database, {
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  let markReady!: () => void;
  const databaseReady = new Promise<void>((resolve) => (markReady = resolve));
  const { app, drain } = await createServer({ config, database, databaseReady });
  // Ready at the first try, it listens ready; otherwise it listens anyway (answering /healthz, and
  // 503 elsewhere) and keeps trying.
  if (await prepareDatabase(database, config.migrateOnStart, app.log, 0)) markReady();
  else void keepPreparing(database, config.migrateOnStart, app.log).then(markReady);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: refusing new connections, finishing requests in flight");
    // A backstop, should closing itself hang once the requests are cut off.
    setTimeout(() => process.exit(1), config.shutdownTimeoutSeconds * 1000 + SHUTDOWN_BACKSTOP_MS).unref();
    const { cutOff } = await drain(config.shutdownTimeoutSeconds * 1000);
    if (cutOff) app.log.error(`requests were cut off: still in flight after ${config.shutdownTimeoutSeconds} s, or timed out`);
    await database.close();
    app.log.info("shut down");
    // 0 only when every request in flight finished by itself: whatever order the timers fired in.
    process.exit(cutOff ? 1 : 0);
  };
  // `on`, not `once`: a second signal while stopping must not fall through to the default (kill).
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`GraphQL API on ${address}/graphql (${describeTarget(config.database)})`);
}

main().catch((error: unknown) => {
  // A configuration problem is one plain line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
