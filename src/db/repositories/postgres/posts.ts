import { and, count, eq, getColumns, inArray, lte } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { posts } from "../../schema/postgres.ts";
import { afterInNewestFirst, newestFirst, rankWithinAuthor } from "../keyset.ts";
import type { PostsRepository } from "../types.ts";

export function postgresPosts(db: PostgresJsDatabase): PostsRepository {
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
      const [onlyUser] = userIds;
      if (userIds.length === 1 && onlyUser !== undefined) {
        return db
          .select()
          .from(posts)
          .where(and(eq(posts.userId, onlyUser), afterInNewestFirst(posts, after)))
          .orderBy(...newestFirst(posts))
          .limit(limit);
      }
      const ranked = db
        .select({ id: posts.id, rank: rankWithinAuthor(posts).as("rank") })
        .from(posts)
        .where(and(inArray(posts.userId, [...userIds]), afterInNewestFirst(posts, after)))
        .as("ranked");
      return db
        .select(getColumns(posts))
        .from(posts)
        .innerJoin(ranked, eq(ranked.id, posts.id))
        .where(lte(ranked.rank, limit))
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
