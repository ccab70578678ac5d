import { and, count, eq, getColumns, inArray, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { followers, posts, users } from "../../schema/postgres.ts";
import { AFTER, afterInNewestFirst, afterValues, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import type { PostsRepository } from "../types.ts";
import { driverTimestamp, idList, inIdList } from "./placeholders.ts";

const USER_ID = sql.placeholder("userId");

export function postgresPosts(db: PostgresJsDatabase): PostsRepository {
  /**
   * One author's newest posts past the cursor, as a LATERAL subquery of their keys only: an index-only
   * backward range of posts (user_id, timestamp, id) with a limit, however many posts the author
   * has. The posts themselves are then fetched by id.
   */
  function pageOfAuthor(authorId: AnyColumn, after: NewestFirstBound | undefined) {
    return db
      .select({ id: posts.id, timestamp: posts.timestamp })
      .from(posts)
      .where(and(eq(posts.userId, authorId), afterInNewestFirst(posts, after)))
      .orderBy(...newestFirst(posts))
      .limit(LIMIT)
      .as("page");
  }

  /** The user and everyone they follow: the authors of their home feed. */
  function feedAuthors(userId: SQLWrapper | number) {
    return db
      .select({ id: followers.followedId })
      .from(followers)
      .where(eq(followers.followerId, userId))
      .unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId)));
  }

  function pagesByUser(owners: SQL, after: NewestFirstBound | undefined) {
    const page = pageOfAuthor(users.id, after);
    return db
      .select(getColumns(posts))
      .from(users)
      .crossJoinLateral(page)
      .innerJoin(posts, eq(posts.id, page.id))
      .where(owners)
      .orderBy(...newestFirst(posts));
  }

  function followedPage(after: NewestFirstBound | undefined) {
    // Each author's newest `limit` post keys (past the cursor), merged, and the newest `limit` of
    // those; only then are posts read. The cost grows with the number of users followed, never
    // with the number of posts.
    const authors = feedAuthors(USER_ID).as("authors");
    const page = pageOfAuthor(authors.id, after);
    const newestKeys = db
      .select({ id: page.id })
      .from(authors)
      .crossJoinLateral(page)
      .orderBy(...newestFirst(page))
      .limit(LIMIT);
    return db.select().from(posts).where(inArray(posts.id, newestKeys)).orderBy(...newestFirst(posts));
  }

  /** Posts matching `where`, newest first, `limit` of them: a backward range of one of the posts indexes. */
  const newestPosts = (where?: SQL) => db.select().from(posts).where(where).orderBy(...newestFirst(posts)).limit(LIMIT);

  // The statements of the hot paths, built once: each call only binds its values (the driver
  // prepares each statement once per connection).
  const prepared = {
    byId: db.select().from(posts).where(eq(posts.id, sql.placeholder("id"))).limit(1).prepare("posts_by_id"),
    create: db.insert(posts).values({ userId: USER_ID, body: sql.placeholder("body") }).returning().prepare("posts_create"),
    page: newestPosts().prepare("posts_page"),
    pageAfter: newestPosts(afterInNewestFirst(posts, AFTER)).prepare("posts_page_after"),
    // One author (a profile page): a plain backward range of their index.
    pageOfUser: newestPosts(eq(posts.userId, USER_ID)).prepare("posts_page_of_user"),
    pageOfUserAfter: newestPosts(and(eq(posts.userId, USER_ID), afterInNewestFirst(posts, AFTER))).prepare(
      "posts_page_of_user_after",
    ),
    pagesByUser: pagesByUser(inIdList(users.id), undefined).prepare("posts_pages_by_user"),
    pagesByUserAfter: pagesByUser(inIdList(users.id), AFTER).prepare("posts_pages_by_user_after"),
    followedPage: followedPage(undefined).prepare("posts_followed_page"),
    followedPageAfter: followedPage(AFTER).prepare("posts_followed_page_after"),
  };

  return {
    async create(post) {
      const [row] = post.timestamp
        ? await db.insert(posts).values(post).returning()
        : await prepared.create.execute({ userId: post.userId, body: post.body });
      return row!;
    },
    async byId(id) {
      const [row] = await prepared.byId.execute({ id });
      return row;
    },
    async delete(id) {
      const deleted = await db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
      return deleted.length > 0;
    },
    page({ limit, after }) {
      return after ? prepared.pageAfter.execute({ limit, ...afterValues(after, driverTimestamp) }) : prepared.page.execute({ limit });
    },
    pagesByUser(userIds, { limit, after }) {
      if (userIds.length === 1) {
        const values = { userId: userIds[0]!, limit };
        return after
          ? prepared.pageOfUserAfter.execute({ ...values, ...afterValues(after, driverTimestamp) })
          : prepared.pageOfUser.execute(values);
      }
      const values = { limit, ...idList(userIds) };
      return after
        ? prepared.pagesByUserAfter.execute({ ...values, ...afterValues(after, driverTimestamp) })
        : prepared.pagesByUser.execute(values);
    },
    followedPage(userId, { limit, after }) {
      return after
        ? prepared.followedPageAfter.execute({ userId, limit, ...afterValues(after, driverTimestamp) })
        : prepared.followedPage.execute({ userId, limit });
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
