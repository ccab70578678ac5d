import { and, eq, getColumns, lte, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { TokenStatements } from "../../contract.ts";
import { command, query } from "./prepared.ts";
import { tokens, users } from "./schema.ts";

export function tokenStatements(db: PostgresJsDatabase): TokenStatements {
  return {
    // FOR SHARE: a password change in flight is waited for, and its new hash compared.
    insertForPassword: query(
      db
        .insert(tokens)
        .select(
          db
            .select({
              userId: users.id,
              tokenHash: sql`${sql.placeholder("tokenHash")}::text`.as("token_hash"),
              expiresAt: sql`${sql.placeholder("expiresAt")}::timestamptz`.as("expires_at"),
            })
            .from(users)
            .where(and(eq(users.id, sql.placeholder("userId")), eq(users.passwordHash, sql.placeholder("passwordHash"))))
            .for("share"),
        )
        .returning({ id: tokens.id })
        .prepare(),
    ),
    sessionByHash: query(
      db
        .select({ tokenId: tokens.id, expiresAt: tokens.expiresAt, user: getColumns(users) })
        .from(tokens)
        .innerJoin(users, eq(users.id, tokens.userId))
        .where(eq(tokens.tokenHash, sql.placeholder("tokenHash")))
        .limit(1)
        .prepare(),
    ),
    delete: command(db.delete(tokens).where(eq(tokens.id, sql.placeholder("id"))).prepare()),
    deleteExpired: command(
      db.delete(tokens).where(and(eq(tokens.userId, sql.placeholder("userId")), lte(tokens.expiresAt, sql.placeholder("now")))).prepare(),
    ),
  };
}
