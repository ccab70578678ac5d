import type { Logger } from "drizzle-orm";
import type { LiveEvents } from "../events/events.ts";
import { avatarHashOf } from "./avatar-hash.ts";
import type { BulkWriter, EngineConnection, OpenOptions, Repositories } from "./contract.ts";
import { openPostgres } from "./dialects/postgres/open.ts";
import { openSqlite } from "./dialects/sqlite/open.ts";
import { repositories } from "./repositories/index.ts";
import { StatementCounter } from "./statements.ts";
import type { DatabaseTarget } from "./url.ts";

export type { OpenOptions };

/** The one database handle of a process: everything above src/db/ sees only this. */
export interface Database {
  readonly repos: Repositories;
  readonly statements: StatementCounter;
  /** Many rows at once, for seeding and imports. */
  readonly bulk: BulkWriter;
  /** What every instance's writes announce, for live subscriptions. */
  readonly events: LiveEvents;
  /** Applies the migrations that have not run yet (PostgreSQL: under an advisory lock). */
  migrate(): Promise<void>;
  /** Whether the database answers and every migration this build knows has been applied. */
  isReady(): Promise<boolean>;
  /** How many of this build's migrations the database has not applied; throws when it does not answer. */
  pendingMigrations(): Promise<number>;
  /** What the migrations could not fill in (see EngineConnection.backfill); run at start-up once migrated. */
  backfill(): Promise<void>;
  close(): Promise<void>;
}

/** The engine `target` names, opened: its statements and what only it knows how to do. */
export function openEngine(target: DatabaseTarget, options: OpenOptions = {}, logger: Logger = { logQuery() {} }): EngineConnection {
  return target.dialect === "sqlite" ? openSqlite(target.path, options, logger) : openPostgres(target.url, options, logger);
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Database {
  const statements = new StatementCounter();
  const engine = openEngine(target, options, statements.logger);
  return {
    repos: repositories(engine.statements),
    statements,
    // Each user's Gravatar key is written with their email, as register writes it.
    bulk: { ...engine.bulk, users: (rows) => engine.bulk.users(rows.map((row) => ({ ...row, avatarHash: avatarHashOf(row.email) }))) },
    events: engine.events,
    migrate: () => engine.migrate(),
    async isReady() {
      try {
        return (await engine.pendingMigrations()) === 0;
      } catch {
        return false; // unreachable
      }
    },
    pendingMigrations: () => engine.pendingMigrations(),
    backfill: () => engine.backfill(),
    close: () => engine.close(),
  };
}
