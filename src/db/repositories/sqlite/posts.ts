import { and, count, eq, getColumns, inArray } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import { posts, users } from "../../schema/sqlite.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import type { PostsRepository } from "../types.ts";

export function sqlitePosts(db: BetterSQLite3Database): PostsRepository {
  return {
    async create(post) {
      const [row] = await db.insert(posts).values(post).returning();
      return row!;
    },
    async byId(id) {
      const [row] = await db.select().from(posts).where(eq(posts.id, id)).limit(1);
      return row;
    },
    async delete(id) {
      const deleted = await db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
      return deleted.length > 0;
    },
    page({ limit, after }) {
      return db
        .select()
        .from(posts)
        .where(afterInNewestFirst(posts, after))
        .orderBy(...newestFirst(posts))
        .limit(limit);
    },
    pagesByUser(userIds, { limit, after }) {
      // SQLite has no LATERAL: each user's page is a correlated subquery of post ids, which SQLite
      // runs once per user as an index range with a limit, then fetches those posts by rowid.
      const newer = alias(posts, "newer");
      const pageOfUser = db
        .select({ id: newer.id })
        .from(newer)
        .where(and(eq(newer.userId, users.id), afterInNewestFirst(newer, after)))
        .orderBy(...newestFirst(newer))
        .limit(limit);
      return db
        .select(getColumns(posts))
        .from(users)
        .innerJoin(posts, inArray(posts.id, pageOfUser))
        .where(inArray(users.id, [...userIds]))
        .orderBy(...newestFirst(posts));
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(posts);
      return row!.n;
    },
    async countByUser(userIds) {
      const rows = await db
        .select({ userId: posts.userId, n: count() })
        .from(posts)
        .where(inArray(posts.userId, [...userIds]))
        .groupBy(posts.userId);
      return new Map(rows.map((row) => [row.userId, row.n]));
    },
  };
}
