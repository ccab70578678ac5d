import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { createServer } from "./server.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config.database, { poolSize: config.databasePoolSize });
  if (config.migrateOnStart) await database.migrate();
  const { app } = await createServer({ config, database });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: refusing new connections, finishing requests in flight");
    const deadline = setTimeout(() => {
      app.log.error(`requests still in flight after ${config.shutdownTimeoutSeconds} s; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutSeconds * 1000);
    await app.close();
    await database.close();
    clearTimeout(deadline);
    app.log.info("shut down");
    process.exit(0);
  };
  // `on`, not `once`: a second signal while stopping must not fall through to the default (kill).
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.database.dialect === "sqlite" ? `SQLite ${config.database.path}` : "PostgreSQL";
  app.log.info(`GraphQL API on ${address}/graphql (${where})`);
}

main().catch((error: unknown) => {
  // A configuration problem is one plain line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
