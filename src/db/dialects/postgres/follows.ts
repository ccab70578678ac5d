import { and, asc, eq, getColumns, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { FollowStatements } from "../../contract.ts";
import { followSides } from "../follow-sides.ts";
import { afterInNewestFirst, newestFirst } from "../keyset.ts";
import { command, inIdList, query } from "./prepared.ts";
import { followers, notifications, users } from "./schema.ts";

const ofFollower = eq(followers.followerId, sql.placeholder("followerId"));
const ofPair = and(ofFollower, eq(followers.followedId, sql.placeholder("followedId")));

export function followStatements(db: PostgresJsDatabase): FollowStatements {
  return {
    async follow(followerId, followedId, maxFollowing) {
      return db.transaction(async (tx) => {
        // Both users locked in id order, as the count triggers lock them, so that crossing follows
        // wait for each other rather than deadlock; the follower's count is then read as it stands.
        const locked = await tx
          .select({ id: users.id, following: users.followingCount })
          .from(users)
          .where(inArray(users.id, [followerId, followedId]))
          .orderBy(asc(users.id))
          .for("update");
        if ((locked.find((user) => user.id === followerId)?.following ?? 0) >= maxFollowing) {
          const [existing] = await tx
            .select({ followedId: followers.followedId })
            .from(followers)
            .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)));
          return existing ? "already" : "limit";
        }
        const inserted = await tx
          .insert(followers)
          .values({ followerId, followedId })
          .onConflictDoNothing()
          .returning({ followedId: followers.followedId });
        if (inserted.length === 0) return "already";
        // Under the followed user's row lock (taken above): their notifications get ids in commit order.
        await tx.insert(notifications).values({ userId: followedId, kind: "new_follower", followerId });
        return "followed";
      });
    },
    delete: command(db.delete(followers).where(ofPair)),
    followedAmong: query(db.select({ id: followers.followedId }).from(followers).where(and(ofFollower, inIdList(followers.followedId, "ids")))),
    followedBy: query(db.select({ id: followers.followedId }).from(followers).where(ofFollower)),
    async list(direction, ownerIds, { limit, after }) {
      // One LATERAL subquery per list owner, on the followers table alone so that it is a backward
      // range of the list's index with a limit, however long the list; the listed users are then
      // fetched by primary key.
      const listOwner = alias(users, "list_owner");
      const { owner, listed, order } = followSides(followers, direction);
      const pageOfOwner = db
        .select({ listedId: listed, followedAt: followers.createdAt, ownerId: owner })
        .from(followers)
        .where(and(eq(owner, listOwner.id), afterInNewestFirst(order, after)))
        .orderBy(...newestFirst(order))
        .limit(limit)
        .as("page");
      return db
        .select({ ...getColumns(users), followedAt: pageOfOwner.followedAt, ownerId: pageOfOwner.ownerId })
        .from(listOwner)
        .crossJoinLateral(pageOfOwner)
        .innerJoin(users, eq(users.id, pageOfOwner.listedId))
        .where(inArray(listOwner.id, [...ownerIds]))
        .orderBy(...newestFirst({ timestamp: pageOfOwner.followedAt, id: pageOfOwner.listedId }));
    },
  };
}
