import { and, count, eq, getColumns, inArray, type SQLWrapper } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import { followers, posts, users } from "../../schema/sqlite.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import type { PageRequest, PostKey, PostsRepository } from "../types.ts";

export function sqlitePosts(db: BetterSQLite3Database): PostsRepository {
  /**
   * The same page of each author's posts, merged newest first. SQLite has no LATERAL: each author's
   * page is a correlated subquery of post ids, which SQLite runs once per author as an index range
   * on posts (user_id, timestamp, id) with a limit, then fetches those posts by rowid.
   */
  function pagesOfAuthors(authorIds: number[] | SQLWrapper, { limit, after }: PageRequest<PostKey>) {
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
      .where(inArray(users.id, authorIds))
      .orderBy(...newestFirst(posts));
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
  };
}
