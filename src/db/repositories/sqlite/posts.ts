import { and, count, eq, getColumns, gte, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import { followers, posts, users } from "../../schema/sqlite.ts";
import { AFTER, afterInNewestFirst, afterValues, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import type { PostsRepository } from "../types.ts";
import { driverTimestamp, idList, inIdList, preparedOnFirstUse } from "./placeholders.ts";

const USER_ID = sql.placeholder("userId");

export function sqlitePosts(db: BetterSQLite3Database): PostsRepository {
  /**
   * The same page of each author's posts, merged newest first. SQLite has no LATERAL: each author's
   * page is a correlated subquery of post ids, which SQLite runs once per author as an index range
   * on posts (user_id, timestamp, id) with a limit, then fetches those posts by rowid.
   */
  function pagesOfAuthors(authors: SQL, after: NewestFirstBound | undefined, notBefore?: SQL) {
    const newer = alias(posts, "newer");
    const pageOfUser = db
      .select({ id: newer.id })
      .from(newer)
      .where(and(eq(newer.userId, users.id), afterInNewestFirst(newer, after), notBefore && gte(newer.timestamp, notBefore)))
      .orderBy(...newestFirst(newer))
      .limit(LIMIT);
    return db
      .select(getColumns(posts))
      .from(users)
      .innerJoin(posts, inArray(posts.id, pageOfUser))
      .where(authors)
      .orderBy(...newestFirst(posts));
  }

  /** The user and everyone they follow: the authors of their home feed. */
  function feedAuthors(userId: SQLWrapper | number) {
    return db
      .select({ id: followers.followedId })
      .from(followers)
      .where(eq(followers.followerId, userId))
      .unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
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

  /** Posts matching `where`, newest first, `limit` of them: a range of one of the posts indexes. */
  const newestPosts = (where?: SQL) => db.select().from(posts).where(where).orderBy(...newestFirst(posts)).limit(LIMIT);

  const followedPage = (after: NewestFirstBound | undefined) =>
    pagesOfAuthors(inArray(users.id, feedAuthors(USER_ID)), after, feedCutoff(after)).limit(LIMIT).prepare();

  // The statements of the hot paths, built and prepared once: each call only binds its values.
  const prepared = preparedOnFirstUse(() => ({
    byId: db.select().from(posts).where(eq(posts.id, sql.placeholder("id"))).limit(1).prepare(),
    create: db.insert(posts).values({ userId: USER_ID, body: sql.placeholder("body") }).returning().prepare(),
    page: newestPosts().prepare(),
    pageAfter: newestPosts(afterInNewestFirst(posts, AFTER)).prepare(),
    // One author (a profile page): a plain range of their index, no correlated subquery.
    pageOfUser: newestPosts(eq(posts.userId, USER_ID)).prepare(),
    pageOfUserAfter: newestPosts(and(eq(posts.userId, USER_ID), afterInNewestFirst(posts, AFTER))).prepare(),
    pagesByUser: pagesOfAuthors(inIdList(users.id), undefined).prepare(),
    pagesByUserAfter: pagesOfAuthors(inIdList(users.id), AFTER).prepare(),
    followedPage: followedPage(undefined),
    followedPageAfter: followedPage(AFTER),
  }));

  return {
    async create(post) {
      if (post.timestamp) return db.insert(posts).values(post).returning().get()!;
      return prepared().create.get({ userId: post.userId, body: post.body })!;
    },
    async byId(id) {
      return prepared().byId.get({ id });
    },
    async delete(id) {
      const deleted = await db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
      return deleted.length > 0;
    },
    async page({ limit, after }) {
      return after ? prepared().pageAfter.all({ limit, ...afterValues(after, driverTimestamp) }) : prepared().page.all({ limit });
    },
    async pagesByUser(userIds, { limit, after }) {
      if (userIds.length === 1) {
        const values = { userId: userIds[0]!, limit };
        return after
          ? prepared().pageOfUserAfter.all({ ...values, ...afterValues(after, driverTimestamp) })
          : prepared().pageOfUser.all(values);
      }
      const values = { limit, ...idList(userIds) };
      return after
        ? prepared().pagesByUserAfter.all({ ...values, ...afterValues(after, driverTimestamp) })
        : prepared().pagesByUser.all(values);
    },
    async followedPage(userId, { limit, after }) {
      // Each author's newest `limit` posts (past the cursor, not older than the cutoff), merged, and
      // the newest `limit` of those: the cost grows with the number of users followed, never with
      // the number of posts.
      return after
        ? prepared().followedPageAfter.all({ userId, limit, cutoffOffset: limit - 1, ...afterValues(after, driverTimestamp) })
        : prepared().followedPage.all({ userId, limit, cutoffOffset: limit - 1 });
    },
    async followedCount(userId) {
      // The authors' post counts added up: their rows, never their posts, are read.
      const [row] = await db
        .select({ n: sql<number>`coalesce(sum(${users.postCount}), 0)`.mapWith(Number) })
        .from(users)
        .where(inArray(users.id, feedAuthors(userId)));
      return row!.n;
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(posts);
      return row!.n;
    },
  };
}
