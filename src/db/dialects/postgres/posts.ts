import { and, count, eq, getColumns, inArray, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { PostStatements } from "../../contract.ts";
import { afterInNewestFirst, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import { inIdList, pages, query } from "./prepared.ts";
import { followers, posts, users } from "./schema.ts";
import { searchStatements } from "./search.ts";

const USER_ID = sql.placeholder("userId");

export function postStatements(db: PostgresJsDatabase): PostStatements {
  /**
   * One author's newest posts past the cursor, as a LATERAL subquery of their keys only: an index-only
   * backward range of posts (user_id, timestamp, id) with a limit, however many posts the author
   * has. The posts themselves are then fetched by id.
   */
  function pageOfAuthor(authorId: AnyColumn, after: NewestFirstBound | undefined) {
    const range = and(eq(posts.userId, authorId), afterInNewestFirst(posts, after));
    return db.select({ id: posts.id, timestamp: posts.timestamp }).from(posts).where(range).orderBy(...newestFirst(posts)).limit(LIMIT).as("page");
  }

  /** The user and everyone they follow: the authors of their home feed. */
  function feedAuthors(userId: SQLWrapper) {
    const followed = db.select({ id: followers.followedId }).from(followers).where(eq(followers.followerId, userId));
    return followed.unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  }

  function pagesOfAuthors(after?: NewestFirstBound) {
    const page = pageOfAuthor(users.id, after);
    return db
      .select(getColumns(posts))
      .from(users)
      .crossJoinLateral(page)
      .innerJoin(posts, eq(posts.id, page.id))
      .where(inIdList(users.id, "authorIds"))
      .orderBy(...newestFirst(posts));
  }

  /** Each author's newest `limit` post keys (past the cursor), merged, and the newest `limit` of those; only then are posts read. */
  function feed(after?: NewestFirstBound) {
    const authors = feedAuthors(USER_ID).as("authors");
    const page = pageOfAuthor(authors.id, after);
    const newestKeys = db.select({ id: page.id }).from(authors).crossJoinLateral(page).orderBy(...newestFirst(page)).limit(LIMIT);
    return db.select().from(posts).where(inArray(posts.id, newestKeys)).orderBy(...newestFirst(posts));
  }

  /** Posts matching `where` (past the cursor), newest first, `limit` of them: a backward range of one of the posts indexes. */
  const newestPosts = (where?: SQL) => (after?: NewestFirstBound) =>
    db.select().from(posts).where(and(where, afterInNewestFirst(posts, after))).orderBy(...newestFirst(posts)).limit(LIMIT);
  const byId = eq(posts.id, sql.placeholder("id"));
  const post = { userId: USER_ID, body: sql.placeholder("body"), language: sql.placeholder("language") };
  return {
    insert: query(db.insert(posts).values(post).returning()),
    insertAt: query(db.insert(posts).values({ ...post, timestamp: sql`${sql.placeholder("timestamp")}` }).returning()),
    byId: query(db.select().from(posts).where(byId).limit(1)),
    byIds: query(db.select().from(posts).where(inIdList(posts.id, "ids"))),
    delete: query(db.delete(posts).where(byId).returning({ id: posts.id })),
    page: pages(newestPosts()),
    byAuthor: pages(newestPosts(eq(posts.userId, sql.placeholder("authorId")))),
    byAuthors: pages(pagesOfAuthors),
    feed: pages(feed),
    feedCount: query(db.select({ n: sql<number>`coalesce(sum(${users.postCount}), 0)`.mapWith(Number) }).from(users).where(inArray(users.id, feedAuthors(USER_ID)))),
    count: query(db.select({ n: count() }).from(posts)),
    ...searchStatements(db),
  };
}
