import Sqlite from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { postgresBulk, sqliteBulk, type BulkWriter } from "./bulk.ts";
import { migrationNames, migratePostgres, migrateSqlite, migrationsFolder } from "./migrate.ts";
import { postgresFollows } from "./repositories/postgres/follows.ts";
import { postgresPosts } from "./repositories/postgres/posts.ts";
import { postgresTokens } from "./repositories/postgres/tokens.ts";
import { postgresUsers } from "./repositories/postgres/users.ts";
import { sqliteFollows } from "./repositories/sqlite/follows.ts";
import { sqlitePosts } from "./repositories/sqlite/posts.ts";
import { sqliteTokens } from "./repositories/sqlite/tokens.ts";
import { sqliteUsers } from "./repositories/sqlite/users.ts";
import type { Repositories } from "./repositories/types.ts";
import { StatementCounter } from "./statements.ts";
import type { DatabaseTimeouts } from "../config.ts";
import type { DatabaseTarget } from "./url.ts";

/** SQLite's busy timeout when no lock timeout is set. */
const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 5_000;

/** The one database handle of a process: everything above src/db/ sees only this. */
export interface Database {
  readonly dialect: DatabaseTarget["dialect"];
  readonly repos: Repositories;
  readonly statements: StatementCounter;
  /** Many rows at once, for seeding and imports. */
  readonly bulk: BulkWriter;
  /** Applies the migrations that have not run yet (PostgreSQL: under an advisory lock). */
  migrate(): Promise<void>;
  /** Whether the database answers and every migration this build knows has been applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connections per process. */
  poolSize?: number;
  /** What the service's requests may wait for; absent: the engines' own defaults (tools, seeding, tests). */
  timeouts?: DatabaseTimeouts;
  /** SQLite: FULL (the default) is durable on power loss; NORMAL may lose the last writes. */
  sqliteSynchronous?: "FULL" | "NORMAL";
}

/** postgres.js waits `backoff(n)` seconds before its n-th reconnection: doubling from 50 ms up to the cap. */
function cappedBackoff(maxDelayMs: number): (retries: number) => number {
  return (retries) => Math.min(0.05 * 2 ** retries, maxDelayMs / 1000);
}

/** The PostgreSQL session settings that keep a request from waiting without end. */
function postgresSessionTimeouts(timeouts: DatabaseTimeouts): Record<string, string> {
  return {
    statement_timeout: String(timeouts.statementMs),
    lock_timeout: String(timeouts.lockMs),
    idle_in_transaction_session_timeout: String(timeouts.idleInTransactionMs),
  };
}

/** True when every name in `expected` is among those applied. */
function allApplied(expected: string[], applied: { name: unknown }[]): boolean {
  const names = new Set(applied.map((row) => row.name));
  return expected.every((name) => names.has(name));
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Database {
  const statements = new StatementCounter();
  const expected = migrationNames(migrationsFolder[target.dialect]);
  if (target.dialect === "sqlite") {
    const client = new Sqlite(target.path);
    client.pragma("journal_mode = WAL");
    client.pragma(`synchronous = ${options.sqliteSynchronous ?? "FULL"}`);
    client.pragma("foreign_keys = ON");
    // A writer waits this long for another's lock before giving up (SQLITE_BUSY: 503).
    client.pragma(`busy_timeout = ${options.timeouts?.lockMs || DEFAULT_SQLITE_BUSY_TIMEOUT_MS}`);
    const db = drizzleSqlite({ client, logger: statements.logger });
    return {
      dialect: "sqlite",
      repos: { users: sqliteUsers(db), posts: sqlitePosts(db), tokens: sqliteTokens(db), follows: sqliteFollows(db) },
      statements,
      bulk: sqliteBulk(db),
      migrate: async () => migrateSqlite(db),
      async isReady() {
        try {
          return allApplied(expected, client.prepare("select name from __drizzle_migrations").all() as { name: unknown }[]);
        } catch {
          return false; // no bookkeeping table yet: never migrated
        }
      },
      close: async () => {
        client.close();
      },
    };
  }
  const { timeouts } = options;
  const connecting = {
    onnotice: () => {},
    ...(timeouts && { connect_timeout: timeouts.connectMs / 1000, backoff: cappedBackoff(timeouts.reconnectMaxDelayMs) }),
  };
  const connectionOptions = { ...connecting, ...(timeouts && { connection: postgresSessionTimeouts(timeouts) }) };
  const client = postgres(target.url, { ...connectionOptions, max: options.poolSize ?? 10 });
  // Readiness asks on a connection of its own, so that a pool busy with slow requests is not taken
  // for a database that is down.
  const probe = postgres(target.url, { ...connectionOptions, max: 1 });
  const db = drizzlePostgres({ client, logger: statements.logger });
  const probeDb = drizzlePostgres({ client: probe });
  return {
    dialect: "postgres",
    repos: {
      users: postgresUsers(db),
      posts: postgresPosts(db),
      tokens: postgresTokens(db),
      follows: postgresFollows(db),
    },
    statements,
    bulk: postgresBulk(db),
    async migrate() {
      // Migrations may rewrite whole tables: they run on connections of their own, without the
      // time limits of requests.
      const migrator = postgres(target.url, { ...connecting, max: 2 });
      try {
        await migratePostgres(drizzlePostgres({ client: migrator }), migrator);
      } finally {
        await migrator.end({ timeout: 5 });
      }
    },
    async isReady() {
      try {
        return allApplied(expected, await probeDb.execute<{ name: unknown }>(sql`select name from drizzle.__drizzle_migrations`));
      } catch {
        return false; // unreachable, or never migrated
      }
    },
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), probe.end({ timeout: 5 })]);
    },
  };
}
