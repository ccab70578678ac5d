import { and, count, eq, getColumns, inArray, type SQLWrapper } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { followers, posts, users } from "../../schema/postgres.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import type { PageRequest, PostKey, PostsRepository } from "../types.ts";

export function postgresPosts(db: PostgresJsDatabase): PostsRepository {
  /**
   * The same page of each author's posts, merged newest first. One LATERAL subquery per author:
   * an index range on posts (user_id, timestamp, id) with a limit each, however many posts they have.
   */
  function pagesOfAuthors(authorIds: number[] | SQLWrapper, { limit, after }: PageRequest<PostKey>) {
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
      .where(inArray(users.id, authorIds))
      .orderBy(...newestFirst(pageOfUser));
  }

  /** The user and everyone they follow: the authors of their home feed. */
  function feedAuthors(userId: number) {
    return db
      .select({ id: followers.followedId })
      .from(followers)
      .where(eq(followers.followerId, userId))
      .unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  }

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
    pagesByUser(userIds, request) {
      return pagesOfAuthors([...userIds], request);
    },
    followedPage(userId, request) {
      // Each author's newest `limit` posts (past the cursor), merged, and the newest `limit` of those:
      // the cost grows with the number of users followed, never with the number of posts.
      return pagesOfAuthors(feedAuthors(userId), request).limit(request.limit);
    },
    async followedCount(userId) {
      const [row] = await db.select({ n: count() }).from(posts).where(inArray(posts.userId, feedAuthors(userId)));
      return row!.n;
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
