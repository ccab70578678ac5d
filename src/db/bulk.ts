import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as pg from "./schema/postgres.ts";
import * as lite from "./schema/sqlite.ts";

export interface BulkUser {
  username: string;
  email: string;
  passwordHash: string;
  aboutMe: string | null;
  lastSeen: Date;
}

export interface BulkPost {
  userId: number;
  body: string;
  timestamp: Date;
}

export interface BulkFollow {
  followerId: number;
  followedId: number;
  createdAt: Date;
}

/**
 * Loads many rows at once (seeding, imports): multi-row INSERTs of at most ROWS_PER_STATEMENT rows,
 * each call one transaction. Rows go in as given: no validation, no conflict handling.
 */
export interface BulkWriter {
  /** Returns each inserted user's id by username. */
  users(rows: readonly BulkUser[]): Promise<Map<string, number>>;
  posts(rows: readonly BulkPost[]): Promise<void>;
  follows(rows: readonly BulkFollow[]): Promise<void>;
  /**
   * After a load: fresh planner statistics (and, on PostgreSQL, the visibility map that index-only
   * scans need), so the next queries get the plans the indexes allow.
   */
  analyze(): Promise<void>;
}

/**
 * Under both engines' limits on bound parameters per statement (SQLite 32,766; PostgreSQL 65,535)
 * for the widest row (users, 5 columns).
 */
const ROWS_PER_STATEMENT = 2_000;

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) result.push(rows.slice(start, start + ROWS_PER_STATEMENT));
  return result;
}

type SqliteTransaction = Parameters<Parameters<BetterSQLite3Database["transaction"]>[0]>[0];

export function sqliteBulk(db: BetterSQLite3Database): BulkWriter {
  function insertAll<Row>(insert: (tx: SqliteTransaction, chunk: Row[]) => void, rows: readonly Row[]) {
    db.transaction((tx) => {
      for (const chunk of chunks(rows)) insert(tx, chunk);
    }, { behavior: "immediate" });
  }
  return {
    async users(rows) {
      const ids = new Map<string, number>();
      insertAll((tx, chunk) => {
        const inserted = tx.insert(lite.users).values(chunk).returning({ id: lite.users.id, username: lite.users.username }).all();
        for (const { id, username } of inserted) ids.set(username, id);
      }, rows);
      return ids;
    },
    async posts(rows) {
      insertAll((tx, chunk) => tx.insert(lite.posts).values(chunk).run(), rows);
    },
    async follows(rows) {
      insertAll((tx, chunk) => tx.insert(lite.followers).values(chunk).run(), rows);
    },
    async analyze() {
      db.run(sql`analyze`);
    },
  };
}

export function postgresBulk(db: PostgresJsDatabase): BulkWriter {
  return {
    async users(rows) {
      const ids = new Map<string, number>();
      await db.transaction(async (tx) => {
        for (const chunk of chunks(rows)) {
          const inserted = await tx.insert(pg.users).values(chunk).returning({ id: pg.users.id, username: pg.users.username });
          for (const { id, username } of inserted) ids.set(username, id);
        }
      });
      return ids;
    },
    async posts(rows) {
      await db.transaction(async (tx) => {
        for (const chunk of chunks(rows)) await tx.insert(pg.posts).values(chunk);
      });
    },
    async follows(rows) {
      await db.transaction(async (tx) => {
        for (const chunk of chunks(rows)) await tx.insert(pg.followers).values(chunk);
      });
    },
    async analyze() {
      await db.execute(sql`vacuum analyze`);
    },
  };
}
