import { and, asc, count, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { takenUserField } from "../../errors.ts";
import { tokens, users } from "../../schema/postgres.ts";
import { LIMIT } from "../keyset.ts";
import type { UsersRepository } from "../types.ts";
import { idList, inIdList } from "./placeholders.ts";

/**
 * The case-folded username: the expression the unique index is built on, so lookups use it.
 * COLLATE "C" orders it bytewise, as SQLite does, whatever the database's default collation.
 */
const usernameKey = sql<string>`(lower(${users.username}) collate "C")`;

export function postgresUsers(db: PostgresJsDatabase): UsersRepository {
  // The statements of the hot paths, built once: each call only binds its values.
  const prepared = {
    byIds: db.select().from(users).where(inIdList(users.id)).prepare("users_by_ids"),
    byUsername: db
      .select()
      .from(users)
      .where(sql`${usernameKey} = lower(${sql.placeholder("username")})`)
      .limit(1)
      .prepare("users_by_username"),
    page: db.select().from(users).orderBy(asc(usernameKey)).limit(LIMIT).prepare("users_page"),
    pageAfter: db
      .select()
      .from(users)
      .where(gt(usernameKey, sql.placeholder("after")))
      .orderBy(asc(usernameKey))
      .limit(LIMIT)
      .prepare("users_page_after"),
  };

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
    byIds(ids) {
      return prepared.byIds.execute(idList(ids));
    },
    async byUsername(username) {
      const [row] = await prepared.byUsername.execute({ username });
      return row;
    },
    page({ limit, after }) {
      return after ? prepared.pageAfter.execute({ limit, after: after.usernameLower }) : prepared.page.execute({ limit });
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
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
        await tx.delete(tokens).where(and(eq(tokens.userId, userId), ne(tokens.id, keepTokenId)));
      });
    },
  };
}
