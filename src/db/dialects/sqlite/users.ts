import { and, asc, count, eq, gt, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { UserStatements } from "../../contract.ts";
import { LIMIT } from "../keyset.ts";
import { command, inIdList, query } from "./prepared.ts";
import { tokens, users } from "./schema.ts";

/** The case-folded username: the expression the unique index is built on, so lookups use it. */
const usernameKey = sql<string>`lower(${users.username})`;

export function userStatements(db: BetterSQLite3Database): UserStatements {
  // What lists and relations show of a user (UserSummaryRow): no email, password hash or "about me".
  const summary = {
    id: users.id,
    username: users.username,
    avatarHash: users.avatarHash,
    postCount: users.postCount,
    followerCount: users.followerCount,
    followingCount: users.followingCount,
  };
  const byUsernameKey = () => db.select(summary).from(users).orderBy(asc(usernameKey)).limit(LIMIT);
  const stale = or(isNull(users.lastSeen), lt(users.lastSeen, sql.placeholder("staleBefore")));
  return {
    insert: async (user) => db.insert(users).values(user).returning().get(),
    byIds: query(db.select().from(users).where(inIdList(users.id, "ids"))),
    summariesByIds: query(db.select(summary).from(users).where(inIdList(users.id, "ids"))),
    byUsername: query(db.select().from(users).where(sql`${usernameKey} = lower(${sql.placeholder("username")})`).limit(1)),
    byEmail: query(db.select().from(users).where(sql`lower(${users.email}) = lower(${sql.placeholder("email")})`).limit(1)),
    page: query(byUsernameKey()),
    pageAfter: query(byUsernameKey().where(gt(usernameKey, sql.placeholder("after")))),
    range: query(byUsernameKey().where(and(gte(usernameKey, sql.placeholder("from")), lt(usernameKey, sql.placeholder("to"))))),
    count: query(db.select({ n: count() }).from(users)),
    update: async (userId, changes) => db.update(users).set(changes).where(eq(users.id, userId)).returning().get(),
    recordSeen: command(db.update(users).set({ lastSeen: sql`${sql.placeholder("at")}` }).where(and(eq(users.id, sql.placeholder("userId")), stale))),
    async replacePassword(userId, passwordHash, keepTokenId) {
      // IMMEDIATE takes the write lock up front: a transaction that reads first and writes later can
      // meet another process's writer and fail with SQLITE_BUSY instead of waiting its turn.
      db.transaction(
        (tx) => {
          tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
          tx.delete(tokens).where(and(eq(tokens.userId, userId), ne(tokens.id, keepTokenId))).run();
        },
        { behavior: "immediate" },
      );
    },
  };
}
