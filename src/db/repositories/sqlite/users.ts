import { and, asc, count, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { takenUserField } from "../../errors.ts";
import { tokens, users } from "../../schema/sqlite.ts";
import { LIMIT } from "../keyset.ts";
import type { UsersRepository } from "../types.ts";
import { idList, inIdList, preparedOnFirstUse } from "./placeholders.ts";

/** The case-folded username: the expression the unique index is built on, so lookups use it. */
const usernameKey = sql<string>`lower(${users.username})`;

export function sqliteUsers(db: BetterSQLite3Database): UsersRepository {
  // The statements of the hot paths, built and prepared once: each call only binds its values.
  const prepared = preparedOnFirstUse(() => ({
    byIds: db.select().from(users).where(inIdList(users.id)).prepare(),
    byUsername: db.select().from(users).where(sql`${usernameKey} = lower(${sql.placeholder("username")})`).limit(1).prepare(),
    page: db.select().from(users).orderBy(asc(usernameKey)).limit(LIMIT).prepare(),
    pageAfter: db
      .select()
      .from(users)
      .where(gt(usernameKey, sql.placeholder("after")))
      .orderBy(asc(usernameKey))
      .limit(LIMIT)
      .prepare(),
  }));

  return {
    async create(user) {
      try {
        const [row] = await db.insert(users).values(user).returning();
        return { ok: true, user: row! };
      } catch (error) {
        const taken = takenUserField(error);
        if (taken) return { ok: false, taken };
        throw error;
      }
    },
    async byIds(ids) {
      return prepared().byIds.all(idList(ids));
    },
    async byUsername(username) {
      return prepared().byUsername.get({ username });
    },
    async page({ limit, after }) {
      return after ? prepared().pageAfter.all({ limit, after: after.usernameLower }) : prepared().page.all({ limit });
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(users);
      return row!.n;
    },
    async updateProfile(userId, changes) {
      try {
        const [row] = await db.update(users).set(changes).where(eq(users.id, userId)).returning();
        if (!row) throw new Error(`no user ${userId} to update`);
        return { ok: true, user: row };
      } catch (error) {
        if (takenUserField(error) === "username") return { ok: false, taken: "username" };
        throw error;
      }
    },
    async recordSeen(userId, at, staleBefore) {
      await db
        .update(users)
        .set({ lastSeen: at })
        .where(and(eq(users.id, userId), or(isNull(users.lastSeen), lt(users.lastSeen, staleBefore))));
    },
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
