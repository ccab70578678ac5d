import { asc, count, gt, inArray, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { takenUserField } from "../../errors.ts";
import { users } from "../../schema/sqlite.ts";
import type { UsersRepository } from "../types.ts";

/** The case-folded username: the expression the unique index is built on, so lookups use it. */
const usernameKey = sql<string>`lower(${users.username})`;

export function sqliteUsers(db: BetterSQLite3Database): UsersRepository {
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
      return db.select().from(users).where(inArray(users.id, [...ids]));
    },
    async byUsername(username) {
      const [row] = await db.select().from(users).where(sql`${usernameKey} = lower(${username})`).limit(1);
      return row;
    },
    page({ limit, after }) {
      return db
        .select()
        .from(users)
        .where(after && gt(usernameKey, after.usernameLower))
        .orderBy(asc(usernameKey))
        .limit(limit);
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(users);
      return row!.n;
    },
  };
}
