import { and, eq, getColumns, lte, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { tokens, users } from "../../schema/sqlite.ts";
import type { TokensRepository } from "../types.ts";
import { preparedOnFirstUse } from "./placeholders.ts";

export function sqliteTokens(db: BetterSQLite3Database): TokensRepository {
  // Every signed-in request looks its token up: built and prepared once.
  const sessionByHash = preparedOnFirstUse(() =>
    db
      .select({ tokenId: tokens.id, expiresAt: tokens.expiresAt, user: getColumns(users) })
      .from(tokens)
      .innerJoin(users, eq(users.id, tokens.userId))
      .where(eq(tokens.tokenHash, sql.placeholder("tokenHash")))
      .limit(1)
      .prepare(),
  );

  return {
    async createForPassword({ userId, tokenHash, expiresAt }, passwordHash) {
      const created = await db
        .insert(tokens)
        .select(
          db
            .select({
              userId: users.id,
              tokenHash: sql`${tokenHash}`.as("token_hash"),
              expiresAt: sql`${sql.param(expiresAt, tokens.expiresAt)}`.as("expires_at"),
            })
            .from(users)
            .where(and(eq(users.id, userId), eq(users.passwordHash, passwordHash))),
        )
        .returning({ id: tokens.id });
      return created.length > 0;
    },
    async sessionByHash(tokenHash) {
      return sessionByHash().get({ tokenHash });
    },
    async delete(tokenId) {
      await db.delete(tokens).where(eq(tokens.id, tokenId));
    },
    async deleteExpired(userId, now) {
      await db.delete(tokens).where(and(eq(tokens.userId, userId), lte(tokens.expiresAt, now)));
    },
  };
}
