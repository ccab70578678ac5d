import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** UTC milliseconds since the epoch, read and written as a Date; defaults to now. */
const timestampMs = (name: string) =>
  integer(name, { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username", { length: 64 }).notNull(),
    email: text("email", { length: 120 }).notNull(),
    passwordHash: text("password_hash", { length: 256 }),
  },
  (t) => [
    // Unique regardless of case; lookups and ordering go through the same lower() expression.
    uniqueIndex("users_username_lower_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
  ],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    body: text("body", { length: 140 }).notNull(),
    timestamp: timestampMs("timestamp"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    // Everyone's posts, newest first; and one author's posts, newest first (keyset pagination).
    index("posts_timestamp_id_idx").on(t.timestamp, t.id),
    index("posts_user_id_timestamp_id_idx").on(t.userId, t.timestamp, t.id),
  ],
);

/** Bearer tokens for sessions. Only the SHA-256 of a token is stored, never the token itself. */
export const tokens = sqliteTable(
  "tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash", { length: 64 }).notNull().unique("tokens_token_hash_key"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestampMs("created_at"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("tokens_user_id_idx").on(t.userId)],
);
