import { and, count, eq, getColumns, gte, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import type { PostRow, PostStatements, Query } from "../../contract.ts";
import type { LiveEvent } from "../../../events/events.ts";
import { afterInNewestFirst, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import { inIdList, pages, query } from "./prepared.ts";
import { followers, posts, users } from "./schema.ts";
import { searchStatements } from "./search.ts";

const USER_ID = sql.placeholder("userId");

/** The insert, then (committed: it is one statement) the post announced. */
function announced(insert: Query<never, PostRow>, publish: (event: LiveEvent) => void): Query<never, PostRow> {
  const get = async (params: never) => {
    const post = await insert.get(params);
    if (post) publish({ type: "post", id: post.id, authorId: post.userId });
    return post;
  };
  return { get, all: async (params) => [await get(params)].filter((post) => post !== undefined) };
}

export function postStatements(db: BetterSQLite3Database, publish: (event: LiveEvent) => void): PostStatements {
  /**
   * The same page of each author's posts, merged newest first. SQLite has no LATERAL: each author's
   * page is a correlated subquery of post ids, which SQLite runs once per author as an index range
   * on posts (user_id, timestamp, id) with a limit, then fetches those posts by rowid.
   */
  function pagesOfAuthors(authors: SQL, after: NewestFirstBound | undefined, notBefore?: SQL) {
    const newer = alias(posts, "newer");
    const pageOfAuthor = db
      .select({ id: newer.id })
      .from(newer)
      .where(and(eq(newer.userId, users.id), afterInNewestFirst(newer, after), notBefore && gte(newer.timestamp, notBefore)))
      .orderBy(...newestFirst(newer))
      .limit(LIMIT);
    return db.select(getColumns(posts)).from(users).innerJoin(posts, inArray(posts.id, pageOfAuthor)).where(authors).orderBy(...newestFirst(posts));
  }

  /** The user and everyone they follow: the authors of their home feed. */
  function feedAuthors(userId: SQLWrapper) {
    const followed = db.select({ id: followers.followedId }).from(followers).where(eq(followers.followerId, userId));
    return followed.unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  }

  /**
   * No post of the feed's page is older than this: the `limit`-th newest of the authors' newest posts
   * (past the cursor), since those are `limit` posts of the feed already. Each author's range then
   * stops there, so the page is picked from a few dozen posts instead of a full page per author:
   * what it costs stays the same as authors write more. One probe of the covering index per author;
   * with fewer authors than `limit`, no bound (the minimum integer).
   */
  function feedCutoff(after: NewestFirstBound | undefined): SQL {
    const author = alias(users, "author");
    const latest = alias(posts, "latest");
    const newestOfAuthor = db
      .select({ timestamp: latest.timestamp })
      .from(latest)
      .where(and(eq(latest.userId, author.id), afterInNewestFirst(latest, after)))
      .orderBy(...newestFirst(latest))
      .limit(1);
    const cutoff = db
      .select({ newest: sql`(${newestOfAuthor})`.as("newest") })
      .from(author)
      .where(inArray(author.id, feedAuthors(USER_ID)))
      .orderBy(sql`"newest" desc`)
      .limit(1)
      .offset(sql.placeholder("cutoffOffset"));
    return sql`coalesce((${cutoff}), ${Number.MIN_SAFE_INTEGER})`;
  }

  /** Posts matching `where` (past the cursor), newest first, `limit` of them: a range of one of the posts indexes. */
  const newestPosts = (where?: SQL) => (after?: NewestFirstBound) =>
    db.select().from(posts).where(and(where, afterInNewestFirst(posts, after))).orderBy(...newestFirst(posts)).limit(LIMIT);
  const byId = eq(posts.id, sql.placeholder("id"));
  const post = { userId: USER_ID, body: sql.placeholder("body"), language: sql.placeholder("language") };
  return {
    insert: announced(query(db.insert(posts).values(post).returning()), publish),
    insertAt: announced(query(db.insert(posts).values({ ...post, timestamp: sql`${sql.placeholder("timestamp")}` }).returning()), publish),
    byId: query(db.select().from(posts).where(byId).limit(1)),
    byIds: query(db.select().from(posts).where(inIdList(posts.id, "ids"))),
    delete: query(db.delete(posts).where(byId).returning({ id: posts.id })),
    page: pages(newestPosts()),
    byAuthor: pages(newestPosts(eq(posts.userId, sql.placeholder("authorId")))),
    byAuthors: pages((after) => pagesOfAuthors(inIdList(users.id, "authorIds"), after)),
    // Each author's newest `limit` posts (past the cursor, not older than the cutoff), merged, and the
    // newest `limit` of those. The cutoff is the page's last row: offset `limit - 1`.
    feed: pages(
      (after) => pagesOfAuthors(inArray(users.id, feedAuthors(USER_ID)), after, feedCutoff(after)).limit(LIMIT),
      ({ limit }) => ({ cutoffOffset: limit - 1 }),
    ),
    feedCount: query(db.select({ n: sql<number>`coalesce(sum(${users.postCount}), 0)`.mapWith(Number) }).from(users).where(inArray(users.id, feedAuthors(USER_ID)))),
    count: query(db.select({ n: count() }).from(posts)),
    ...searchStatements(db),
  };
}
