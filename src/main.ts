import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { describeTarget } from "./db/url.ts";
import { createServer } from "./server.ts";
import { keepPreparing, prepareDatabase } from "./startup.ts";

/** How long after the shutdown timeout the process exits whatever is still closing. */
const SHUTDOWN_BACKSTOP_MS = 5_000;

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
