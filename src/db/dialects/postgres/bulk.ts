import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { BulkWriter } from "../../contract.ts";
import { chunks } from "../chunks.ts";
import { followers, posts, users } from "./schema.ts";

type Transaction = Parameters<Parameters<PostgresJsDatabase["transaction"]>[0]>[0];

/** A load is not news: its rows announce nothing to live subscribers (see the live_events migration). */
async function quietly(tx: Transaction): Promise<void> {
  await tx.execute(sql`select set_config('microblog.live_events', 'off', true)`);
}

export function bulkWriter(db: PostgresJsDatabase): BulkWriter {
  return {
    async users(rows) {
      const ids = new Map<string, number>();
      await db.transaction(async (tx) => {
        for (const chunk of chunks(rows)) {
          for (const { id, username } of await tx.insert(users).values(chunk).returning({ id: users.id, username: users.username })) {
            ids.set(username, id);
          }
        }
      });
      return ids;
    },
    async posts(rows) {
      await db.transaction(async (tx) => {
        await quietly(tx);
        for (const chunk of chunks(rows)) await tx.insert(posts).values(chunk);
      });
    },
    async follows(rows) {
      await db.transaction(async (tx) => {
        await quietly(tx);
        for (const chunk of chunks(rows)) await tx.insert(followers).values(chunk);
      });
    },
    async analyze() {
      await db.execute(sql`vacuum analyze`);
    },
  };
}
