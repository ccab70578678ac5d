import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { BulkWriter } from "../../contract.ts";
import { chunks } from "../chunks.ts";
import { followers, posts, users } from "./schema.ts";

type Transaction = Parameters<Parameters<BetterSQLite3Database["transaction"]>[0]>[0];

export function bulkWriter(db: BetterSQLite3Database): BulkWriter {
  function insertAll<Row>(insert: (tx: Transaction, chunk: Row[]) => void, rows: readonly Row[]) {
    db.transaction((tx) => {
      for (const chunk of chunks(rows)) insert(tx, chunk);
    }, { behavior: "immediate" });
  }
  return {
    async users(rows) {
      const ids = new Map<string, number>();
      insertAll((tx, chunk) => {
        for (const { id, username } of tx.insert(users).values(chunk).returning({ id: users.id, username: users.username }).all()) {
          ids.set(username, id);
        }
      }, rows);
      return ids;
    },
    async posts(rows) {
      insertAll((tx, chunk) => tx.insert(posts).values(chunk).run(), rows);
    },
    async follows(rows) {
      insertAll((tx, chunk) => tx.insert(followers).values(chunk).run(), rows);
    },
    async analyze() {
      db.run(sql`analyze`);
    },
  };
}
