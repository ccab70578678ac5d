import { and, count, eq, getColumns, inArray, type AnyColumn } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { followers, posts, users } from "../../schema/postgres.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import type { PageRequest, PostKey, PostsRepository } from "../types.ts";

export function postgresPosts(db: PostgresJsDatabase): PostsRepository {
  /**
   * One author's newest posts past the cursor, as a LATERAL subquery of their keys only: an index-only
   * backward range of posts (user_id, timestamp, id) with a limit, however many posts the author
   * has. The posts themselves are then fetched by id.
   */
  function pageOfAuthor(authorId: AnyColumn, { limit, after }: PageRequest<PostKey>) {
    return db
      .select({ id: posts.id, timestamp: posts.timestamp })
      .from(posts)
      .where(and(eq(posts.userId, authorId), afterInNewestFirst(posts, after)))
      .orderBy(...newestFirst(posts))
      .limit(limit)
      .as("page");
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
      const page = pageOfAuthor(users.id, request);
      return db
        .select(getColumns(posts))
        .from(users)
        .crossJoinLateral(page)
        .innerJoin(posts, eq(posts.id, page.id))
        .where(inArray(users.id, [...userIds]))
        .orderBy(...newestFirst(posts));
    },
    followedPage(userId, request) {
      // Each author's newest `limit` post keys (past the cursor), merged, and the newest `limit` of
      // those; only then are posts read. The cost grows with the number of users followed, never
      // with the number of posts.
      const authors = feedAuthors(userId).as("authors");
      const page = pageOfAuthor(authors.id, request);
      const newestKeys = db
        .select({ id: page.id })
        .from(authors)
        .crossJoinLateral(page)
        .orderBy(...newestFirst(page))
        .limit(request.limit);
      return db.select().from(posts).where(inArray(posts.id, newestKeys)).orderBy(...newestFirst(posts));
    },
    async followedCount(userId) {
      const [row] = await db.select({ n: count() }).from(posts).where(inArray(posts.userId, feedAuthors(userId)));
      return row!.n;
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(posts);
      return row!.n;
    },
  };
}
