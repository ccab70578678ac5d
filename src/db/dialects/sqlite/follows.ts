import { and, eq, getColumns, inArray, sql, type Table } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias } from "drizzle-orm/sqlite-core";
import type { FollowStatements } from "../../contract.ts";
import { followSides } from "../follow-sides.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import { inIdList, query } from "./prepared.ts";
import type { LiveEvent } from "../../../events/events.ts";
import { followers, notifications, users } from "./schema.ts";

/** The followers table has a composite primary key, so its rows are addressed by SQLite's implicit rowid. */
function rowidOf(table: Table) {
  return sql<number>`${table}.rowid`;
}

const ofFollower = eq(followers.followerId, sql.placeholder("followerId"));
const ofPair = and(ofFollower, eq(followers.followedId, sql.placeholder("followedId")));

export function followStatements(db: BetterSQLite3Database, publish: (event: LiveEvent) => void): FollowStatements {
  const unfollow = query(db.delete(followers).where(ofPair).returning({ followerId: followers.followerId, followedId: followers.followedId }));
  return {
    async follow(followerId, followedId, maxFollowing) {
      // IMMEDIATE: the write lock is taken before the count is read, so no other writer moves it.
      const result = db.transaction(
        (tx) => {
          const follower = tx.select({ following: users.followingCount }).from(users).where(eq(users.id, followerId)).get();
          if ((follower?.following ?? 0) >= maxFollowing) {
            const existing = tx
              .select({ followedId: followers.followedId })
              .from(followers)
              .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)))
              .get();
            return existing ? "already" : "limit";
          }
          const inserted = tx.insert(followers).values({ followerId, followedId }).onConflictDoNothing().run();
          if (inserted.changes === 0) return "already";
          const notification = tx.insert(notifications).values({ userId: followedId, kind: "new_follower", followerId }).returning({ id: notifications.id }).get()!;
          return notification.id;
        },
        { behavior: "immediate" },
      );
      if (typeof result !== "number") return result;
      // Committed: announced.
      publish({ type: "follow", followerId, followedId });
      publish({ type: "notification", id: result, userId: followedId });
      return "followed";
    },
    delete: {
      async run(pair) {
        for (const row of await unfollow.all(pair)) publish({ type: "unfollow", ...row });
      },
    },
    followedAmong: query(db.select({ id: followers.followedId }).from(followers).where(and(ofFollower, inIdList(followers.followedId, "ids")))),
    followedBy: query(db.select({ id: followers.followedId }).from(followers).where(ofFollower)),
    async list(direction, ownerIds, { limit, after }) {
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
        .where(inArray(listOwner.id, [...ownerIds]))
        .orderBy(...newestFirst(order));
    },
  };
}
