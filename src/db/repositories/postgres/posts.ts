import { and, count, eq, getColumns, inArray } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { posts, users } from "../../schema/postgres.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
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
      // One LATERAL subquery per user: an index range with a limit each, however many posts they have.
      const pageOfUser = db
        .select()
        .from(posts)
        .where(and(eq(posts.userId, users.id), afterInNewestFirst(posts, after)))
        .orderBy(...newestFirst(posts))
        .limit(limit)
        .as("page");
      return db
        .select(getColumns(pageOfUser))
        .from(users)
        .crossJoinLateral(pageOfUser)
        .where(inArray(users.id, [...userIds]))
        .orderBy(...newestFirst(pageOfUser));
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
