import { and, eq, gt, getColumns, lte, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { TokenStatements } from "../../contract.ts";
import { command, inIdList, query } from "./prepared.ts";
import { tokens, users } from "./schema.ts";

export function tokenStatements(db: BetterSQLite3Database): TokenStatements {
  const token = { tokenHash: sql`${sql.placeholder("tokenHash")}`.as("token_hash"), expiresAt: sql`${sql.placeholder("expiresAt")}`.as("expires_at") };
  const session = { tokenId: tokens.id, expiresAt: tokens.expiresAt, user: getColumns(users) };
  const byHash = eq(tokens.tokenHash, sql.placeholder("tokenHash"));
  const verified = and(eq(users.id, sql.placeholder("userId")), eq(users.passwordHash, sql.placeholder("passwordHash")));
  return {
    insertForPassword: query(db.insert(tokens).select(db.select({ userId: users.id, ...token }).from(users).where(verified)).returning({ id: tokens.id })),
    sessionByHash: query(db.select(session).from(tokens).innerJoin(users, eq(users.id, tokens.userId)).where(byHash).limit(1)),
    delete: command(db.delete(tokens).where(eq(tokens.id, sql.placeholder("id")))),
    liveAmong: query(db.select({ id: tokens.id }).from(tokens).where(and(inIdList(tokens.id, "ids"), gt(tokens.expiresAt, sql.placeholder("now"))))),
    deleteExpired: command(db.delete(tokens).where(and(eq(tokens.userId, sql.placeholder("userId")), lte(tokens.expiresAt, sql.placeholder("now"))))),
  };
}
