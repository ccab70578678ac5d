import { and, eq, getColumns, lte } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { tokens, users } from "../../schema/sqlite.ts";
import type { TokensRepository } from "../types.ts";

export function sqliteTokens(db: BetterSQLite3Database): TokensRepository {
  return {
    async create(token) {
      await db.insert(tokens).values(token);
    },
    async sessionByHash(tokenHash) {
      const [row] = await db
        .select({ tokenId: tokens.id, expiresAt: tokens.expiresAt, user: getColumns(users) })
        .from(tokens)
        .innerJoin(users, eq(users.id, tokens.userId))
        .where(eq(tokens.tokenHash, tokenHash))
        .limit(1);
      return row;
    },
    async delete(tokenId) {
      await db.delete(tokens).where(eq(tokens.id, tokenId));
    },
    async deleteExpired(userId, now) {
      await db.delete(tokens).where(and(eq(tokens.userId, userId), lte(tokens.expiresAt, now)));
    },
  };
}
