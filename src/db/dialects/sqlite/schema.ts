import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
    aboutMe: text("about_me", { length: 140 }),
    // Null for users who registered before it was recorded. The default is the application's clock,
    // not the database's: SQLite cannot add a column with a computed default to a table that has
    // rows, and rebuilding `users` inside the migrator's transaction (where foreign keys cannot be
    // switched off) would cascade-delete every post and token.
    lastSeen: integer("last_seen", { mode: "timestamp_ms" }).$defaultFn(() => new Date()),
    // Kept by triggers (see the user_counts migrations): a profile's counts are read with its row,
    // at the same cost for a user with ten posts or a million.
    postCount: integer("post_count").notNull().default(0),
    followerCount: integer("follower_count").notNull().default(0),
    followingCount: integer("following_count").notNull().default(0),
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
    // ISO 639-1, detected when the post is written (src/domain/language.ts); null when it could not be
    // told, and for posts written before it was recorded.
    language: text("language", { length: 2 }),
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

/** Who follows whom, and since when (follower and following lists show the most recent first). */
export const followers = sqliteTable(
  "followers",
  {
    followerId: integer("follower_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followedId: integer("followed_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestampMs("created_at"),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followedId] }),
    check("followers_not_self_check", sql`${t.followerId} <> ${t.followedId}`),
    // A user's followers, and the users they follow, most recent first (keyset pagination).
    index("followers_followed_id_created_at_idx").on(t.followedId, t.createdAt, t.followerId),
    index("followers_follower_id_created_at_idx").on(t.followerId, t.createdAt, t.followedId),
  ],
);
