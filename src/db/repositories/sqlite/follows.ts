import { and, eq, getColumns, inArray, sql, type Table } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import { followers, users } from "../../schema/sqlite.ts";
import { followSides } from "../follow-sides.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import type { FollowsRepository } from "../types.ts";
import { idList, inIdList, preparedOnFirstUse } from "./placeholders.ts";

/** The followers table has a composite primary key, so its rows are addressed by SQLite's implicit rowid. */
function rowidOf(table: Table) {
  return sql<number>`${table}.rowid`;
}

export function sqliteFollows(db: BetterSQLite3Database): FollowsRepository {
  // `viewerIsFollowing` on any list of users: built and prepared once.
  const followedAmong = preparedOnFirstUse(() =>
    db
      .select({ id: followers.followedId })
      .from(followers)
      .where(and(eq(followers.followerId, sql.placeholder("followerId")), inIdList(followers.followedId)))
      .prepare(),
  );

  return {
    async follow(followerId, followedId, maxFollowing) {
      // IMMEDIATE: the write lock is taken before the count is read, so no other writer moves it.
      return db.transaction(
        (tx) => {
          const following = tx
            .select({ count: users.followingCount })
            .from(users)
            .where(eq(users.id, followerId))
            .get();
          if ((following?.count ?? 0) >= maxFollowing) {
            const existing = tx
              .select({ followedId: followers.followedId })
              .from(followers)
              .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)))
              .get();
            return existing ? "already" : "limit";
          }
          const inserted = tx.insert(followers).values({ followerId, followedId }).onConflictDoNothing().run();
          return inserted.changes > 0 ? "followed" : "already";
        },
        { behavior: "immediate" },
      );
    },
    async unfollow(followerId, followedId) {
      await db
        .delete(followers)
        .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)));
    },
    async followedAmong(followerId, userIds) {
      const rows = followedAmong().all({ followerId, ...idList(userIds) });
      return new Set(rows.map((row) => row.id));
    },
    pagesByUser(direction, userIds, { limit, after }) {
      // SQLite has no LATERAL: each owner's page is a correlated subquery of follow rowids, run once
      // per owner as a range of the list's index with a limit; those follows are then fetched by
      // rowid and their users by primary key, so a long list is never walked whole.
      const listOwner = alias(users, "list_owner");
      const { owner, listed, order } = followSides(followers, direction);
      const others = alias(followers, "other");
      const other = followSides(others, direction);
      const pageOfOwner = db
        .select({ rowid: rowidOf(others) })
        .from(others)
        .where(and(eq(other.owner, listOwner.id), afterInNewestFirst(other.order, after)))
        .orderBy(...newestFirst(other.order))
        .limit(limit);
      return db
        .select({ ...getColumns(users), followedAt: followers.createdAt, ownerId: owner })
        .from(listOwner)
        .innerJoin(followers, inArray(rowidOf(followers), pageOfOwner))
        .innerJoin(users, eq(users.id, listed))
        .where(inArray(listOwner.id, [...userIds]))
        .orderBy(...newestFirst(order));
    },
  };
}
