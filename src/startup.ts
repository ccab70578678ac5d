// Start-up shared by the server (main.ts) and the worker (worker.ts).
import type { Database } from "./db/database.ts";

/** Waits between attempts to reach the database at start-up: doubling from this, up to the cap. */
const STARTUP_RETRY_MS = { first: 250, max: 2_000 };

type Log = { warn(details: object, message: string): void };

/**
 * Migrates the database (or, when migrating is left to the deploy pipeline, checks that it is
 * migrated); tells whether it is ready to serve.
 */
export async function prepareDatabase(database: Database, migrate: boolean, log: Log, attempt: number): Promise<boolean> {
  try {
    // Nothing pending (another instance, or the worker's server, migrated it): no migrator, no lock.
    if (migrate && (await database.pendingMigrations()) > 0) await database.migrate();
    const pending = await database.pendingMigrations();
    if (pending === 0) {
      await database.backfill();
      return true;
    }
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
export async function keepPreparing(database: Database, migrate: boolean, log: Log): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(STARTUP_RETRY_MS.first * 2 ** (attempt - 1), STARTUP_RETRY_MS.max)));
    if (await prepareDatabase(database, migrate, log, attempt)) return;
  }
}
