import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";

/** UTC with millisecond precision, read and written as a Date; defaults to now. */
const timestampMs = (name: string) =>
  timestamp(name, { precision: 3, withTimezone: true, mode: "date" }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    username: varchar("username", { length: 64 }).notNull(),
    email: varchar("email", { length: 120 }).notNull(),
    // Gravatar's key for the email (the MD5 of it, lowercased), written with it, so that no request
    // hashes emails. Null only for rows an older release wrote and no backfill has reached yet.
    avatarHash: varchar("avatar_hash", { length: 32 }),
    passwordHash: varchar("password_hash", { length: 256 }),
    aboutMe: varchar("about_me", { length: 140 }),
    // Null for users who registered before it was recorded. The default is the application's clock,
    // as on SQLite (see sqlite.ts), so that both engines treat existing users alike.
    lastSeen: timestamp("last_seen", { precision: 3, withTimezone: true, mode: "date" }).$defaultFn(() => new Date()),
    // Kept by triggers (see the user_counts migrations): a profile's counts are read with its row,
    // at the same cost for a user with ten posts or a million.
    postCount: integer("post_count").notNull().default(0),
    followerCount: integer("follower_count").notNull().default(0),
    followingCount: integer("following_count").notNull().default(0),
    // Messages received since the user last marked them read: counted up in the transaction that
    // sends one (under the recipient's row lock, so racing messages each see their own count).
    unreadMessageCount: integer("unread_message_count").notNull().default(0),
  },
  (t) => [
    // Unique regardless of case. COLLATE "C" makes ordering bytewise, as on SQLite, whatever the
    // database's default collation; queries use the same expression so the index serves them.
    uniqueIndex("users_username_lower_key").on(sql`(lower(${t.username}) collate "C")`),
    uniqueIndex("users_email_lower_key").on(sql`(lower(${t.email}) collate "C")`),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    body: varchar("body", { length: 140 }).notNull(),
    timestamp: timestampMs("timestamp"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // ISO 639-1, detected when the post is written (src/domain/language.ts); null when it could not be
    // told, and for posts written before it was recorded.
    language: varchar("language", { length: 2 }),
  },
  (t) => [
    // Everyone's posts, newest first; and one author's posts, newest first (keyset pagination).
    index("posts_timestamp_id_idx").on(t.timestamp, t.id),
    index("posts_user_id_timestamp_id_idx").on(t.userId, t.timestamp, t.id),
  ],
);

/** Bearer tokens for sessions. Only the SHA-256 of a token is stored, never the token itself. */
export const tokens = pgTable(
  "tokens",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique("tokens_token_hash_key"),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestampMs("created_at"),
    expiresAt: timestamp("expires_at", { precision: 3, withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("tokens_user_id_idx").on(t.userId)],
);

/** Who follows whom, and since when (follower and following lists show the most recent first). */
export const followers = pgTable(
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

/** Private messages: only their sender and recipient ever see them. */
export const messages = pgTable(
  "messages",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    senderId: integer("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: varchar("body", { length: 140 }).notNull(),
    timestamp: timestampMs("timestamp"),
  },
  (t) => [
    // A user's inbox, newest first; and what one user sent another, newest first (a conversation is
    // two ranges of it, one each way).
    index("messages_recipient_id_timestamp_id_idx").on(t.recipientId, t.timestamp, t.id),
    index("messages_sender_id_recipient_id_timestamp_id_idx").on(t.senderId, t.recipientId, t.timestamp, t.id),
  ],
);

/**
 * What happened to a user, in the order it happened: ids grow with time, per user in commit order
 * (each is inserted under its user's row lock), so `id > the last one seen` is exactly what a client
 * missed. `kind` says which fields are set.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: varchar("kind", { length: 32, enum: ["unread_messages", "new_follower", "task_progress"] }).notNull(),
    timestamp: timestampMs("timestamp"),
    /** unread_messages: how many. */
    count: integer("count"),
    /** new_follower: who. */
    followerId: integer("follower_id").references(() => users.id, { onDelete: "cascade" }),
    /** task_progress: which task (shown as it is when read). */
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("notifications_user_id_id_idx").on(t.userId, t.id),
    // The sweep of notifications past their retention.
    index("notifications_timestamp_idx").on(t.timestamp),
    // At most one unread-messages notification per user: a newer one replaces it.
    uniqueIndex("notifications_unread_messages_key").on(t.userId).where(sql`${t.kind} = 'unread_messages'`),
    index("notifications_follower_id_idx").on(t.followerId),
    // At most one progress notification per task (a newer one replaces it); only those have a task.
    uniqueIndex("notifications_task_id_key").on(t.taskId),
  ],
);

/**
 * Long-running work a user started (the posts export). Its rows and progress live here whichever
 * runner runs it (BullMQ with Redis, this process without), so any instance can show and resume it.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 32, enum: ["export_posts"] }).notNull(),
    description: varchar("description", { length: 140 }),
    /** 0 to 100. */
    progress: integer("progress").notNull().default(0),
    complete: boolean("complete").notNull().default(false),
    /** Set when the task failed for good. */
    error: varchar("error", { length: 256 }),
    createdAt: timestampMs("created_at"),
    completedAt: timestamp("completed_at", { precision: 3, withTimezone: true, mode: "date" }),
    /** How many items (posts) are done, and the key of the last one: where a resumed task goes on from. */
    doneCount: integer("done_count").notNull().default(0),
    lastTimestamp: timestamp("last_timestamp", { precision: 3, withTimezone: true, mode: "date" }),
    lastId: integer("last_id"),
  },
  (t) => [
    // A user's tasks, newest first.
    index("tasks_user_id_created_at_id_idx").on(t.userId, t.createdAt, t.id),
    // One unfinished task of each name per user: a second request finds the first.
    uniqueIndex("tasks_unfinished_key").on(t.userId, t.name).where(sql`${t.complete} = false and ${t.error} is null`),
    // The sweep of finished tasks past their retention.
    index("tasks_completed_at_idx").on(t.completedAt),
  ],
);

/** A task's result, in the pieces written as it went: read back in order, never whole. */
export const taskResultChunks = pgTable(
  "task_result_chunks",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.seq] })],
);

/**
 * The password-reset token a user asked for last: a newer request replaces it. Only the SHA-256 of
 * the token is stored; the token itself is in the email alone.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: varchar("token_hash", { length: 64 }).notNull().unique("password_resets_token_hash_key"),
    createdAt: timestampMs("created_at"),
    expiresAt: timestamp("expires_at", { precision: 3, withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId] })],
);
