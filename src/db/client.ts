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
import type { DatabaseTarget } from "./url.ts";

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
    client.pragma("synchronous = NORMAL");
    client.pragma("foreign_keys = ON");
    client.pragma("busy_timeout = 5000");
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
  const client = postgres(target.url, { max: options.poolSize ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, logger: statements.logger });
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
    migrate: () => migratePostgres(db, client),
    async isReady() {
      try {
        return allApplied(expected, await db.execute<{ name: unknown }>(sql`select name from drizzle.__drizzle_migrations`));
      } catch {
        return false; // unreachable, or never migrated
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}
