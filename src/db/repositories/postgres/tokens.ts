import { and, eq, getColumns, lte, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { tokens, users } from "../../schema/postgres.ts";
import type { TokensRepository } from "../types.ts";

export function postgresTokens(db: PostgresJsDatabase): TokensRepository {
  // Every signed-in request looks its token up: built once.
  const sessionByHash = db
    .select({ tokenId: tokens.id, expiresAt: tokens.expiresAt, user: getColumns(users) })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(eq(tokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("tokens_session_by_hash");

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
            .where(and(eq(users.id, userId), eq(users.passwordHash, passwordHash)))
        .for("share"),
        )
        .returning({ id: tokens.id });
      return created.length > 0;
    },
    async sessionByHash(tokenHash) {
      const [row] = await sessionByHash.execute({ tokenHash });
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
