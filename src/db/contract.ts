// What the rest of the service knows of the database: row types, the repositories it calls, and the
// statements ports those repositories are written over. Each engine implements the ports in
// src/db/dialects/<engine>/; the repositories in src/db/repositories/ are written once.
import type { DatabaseTimeouts } from "../config.ts";
import type { LiveEvents } from "../events/events.ts";
import type { MessageRow, NotificationRow, PostRow, TaskRow, UserRow } from "./dialects/parity.ts";

export type { MessageRow, NotificationRow, PostRow, TaskRow, UserRow };

/** Position in "newest first" order: a timestamp, then an id as the tie-breaker. */
export interface NewestFirstKey {
  timestamp: Date;
  id: number;
}

/** A post's position in newest-first order: its timestamp and id. */
export type PostKey = NewestFirstKey;

/** A user's position in a follower or following list: when that follow began, and the listed user's id. */
export type FollowKey = NewestFirstKey;

/** Position in "by username" order: usernames are unique ignoring case, so the lowercased name is the key. */
export interface UserKey {
  usernameLower: string;
}

export interface PageRequest<Key> {
  /** How many rows at most (callers ask for one more than they show, to learn if there is a next page). */
  limit: number;
  /** Rows strictly after this position; from the start when absent. */
  after?: Key;
}

/**
 * A user as lists and relations read them (authors, senders, pages of users): what a card shows. The
 * rest of the row (the email, "about me", lastSeen, the unread count) is read by id when a field
 * asks for it. No summary carries the email or the password hash.
 */
export type UserSummaryRow = Pick<UserRow, "id" | "username" | "avatarHash" | "postCount" | "followerCount" | "followingCount">;

export type CreateUserResult = { ok: true; user: UserRow } | { ok: false; taken: "username" | "email" };
export type UpdateUserResult = { ok: true; user: UserRow } | { ok: false; taken: "username" };

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  lastSeen?: Date;
}

export interface ProfileChanges {
  username?: string;
  /** Null clears it. */
  aboutMe?: string | null;
}

export interface UsersRepository {
  /** Inserts a user; a username or email already taken (ignoring case) is reported, not thrown. */
  create(user: NewUser): Promise<CreateUserResult>;
  byIds(ids: readonly number[]): Promise<UserRow[]>;
  /** The summaries of these users (in no particular order). */
  summariesByIds(ids: readonly number[]): Promise<UserSummaryRow[]>;
  /** Ignores case. */
  byUsername(username: string): Promise<UserRow | undefined>;
  page(request: PageRequest<UserKey>): Promise<UserSummaryRow[]>;
  /** Users whose username starts with `prefix` (ignoring case), by lowercased username: an index range. */
  byUsernamePrefix(prefix: string, limit: number): Promise<UserSummaryRow[]>;
  count(): Promise<number>;
  /** Applies the changes present; a username taken by someone else (ignoring case) is reported, not thrown. */
  updateProfile(userId: number, changes: ProfileChanges): Promise<UpdateUserResult>;
  /** Sets last_seen to `at` unless it is already later than `staleBefore`: one write per user however many instances try. */
  recordSeen(userId: number, at: Date, staleBefore: Date): Promise<void>;
  /** Sets a new password hash and revokes every token of the user but `keepTokenId`, in one transaction. */
  replacePassword(userId: number, passwordHash: string, keepTokenId: number): Promise<void>;
  /** Ignores case. */
  byEmail(email: string): Promise<UserRow | undefined>;
}

export interface NewPost {
  userId: number;
  body: string;
  /** ISO 639-1; null (the default) when it could not be told. */
  language?: string | null;
  timestamp?: Date;
}

/** Words that must appear in this order: a phrase, or a single word. */
export type SearchTerm = string[];

/** A full-text query, as src/domain/search-query.ts reads what a searcher typed. */
export interface SearchQuery {
  /** Every clause must match: one of its terms, at least. */
  all: SearchTerm[][];
  /** None of these may match. */
  none: SearchTerm[];
}

/** A post as a relevance-ordered search finds it: `score` says how well it matches, higher is better. */
export interface ScoredPostRow extends PostRow {
  score: number;
}

/** Position in best-match-first order: the score, then the id (newest first among equals). */
export interface RelevanceKey {
  score: number;
  id: number;
}

/** Position in the order posts were published, newest first. */
export interface PublishedKey {
  id: number;
}

export interface PostsRepository {
  /** The timestamp defaults to the database's clock; tests and imports may set it (seeding writes in bulk). */
  create(post: NewPost): Promise<PostRow>;
  byId(id: number): Promise<PostRow | undefined>;
  /** Those of the ids that name posts, in no particular order. */
  byIds(ids: readonly number[]): Promise<PostRow[]>;
  /** Deletes and tells whether there was such a post. */
  delete(id: number): Promise<boolean>;
  /** Everyone's posts, newest first. */
  page(request: PageRequest<PostKey>): Promise<PostRow[]>;
  /** Each author's posts, newest first, the same page of each: one statement for the lot, each page an index range. */
  byAuthors(authorIds: readonly number[], request: PageRequest<PostKey>): Promise<PostRow[]>;
  count(): Promise<number>;
  /** The posts of `userId` and of everyone they follow, newest first: a page of their home feed. */
  feed(userId: number, request: PageRequest<PostKey>): Promise<PostRow[]>;
  /** How many posts the feed of `userId` holds. */
  feedCount(userId: number): Promise<number>;
  /** Posts matching the query, best match first; ties newest first. */
  searchByRelevance(query: SearchQuery, request: PageRequest<RelevanceKey>): Promise<ScoredPostRow[]>;
  /** Posts matching the query, most recently published first. */
  searchByNewest(query: SearchQuery, request: PageRequest<PublishedKey>): Promise<PostRow[]>;
  /** How many posts match the query. */
  searchCount(query: SearchQuery): Promise<number>;
}

/** "followers": who follows a user. "following": whom a user follows. */
export type FollowDirection = "followers" | "following";

/** A user as listed in someone's follower or following list. */
export interface FollowListRow extends UserRow {
  /** When this follow began: lists show the most recent first. */
  followedAt: Date;
  /** Whose list this row belongs to. */
  ownerId: number;
}

/** "already": the row was there (following again keeps it, and the date it began). "limit": the follower follows `maxFollowing` users already. */
export type FollowResult = "followed" | "already" | "limit";

export interface FollowsRepository {
  /**
   * Follows unless the follower already follows `maxFollowing` users, decided under the follower's
   * row lock so that racing follows cannot pass the cap together.
   */
  follow(followerId: number, followedId: number, maxFollowing: number): Promise<FollowResult>;
  unfollow(followerId: number, followedId: number): Promise<void>;
  /** Those of `userIds` whom `followerId` follows. */
  followedAmong(followerId: number, userIds: readonly number[]): Promise<Set<number>>;
  /** Everyone `followerId` follows (at most MAX_FOLLOWING): whose posts their live feed waits for. */
  followedBy(followerId: number): Promise<number[]>;
  /** Each owner's list, most recent first, the same page of each: one statement for the lot. */
  list(direction: FollowDirection, ownerIds: readonly number[], request: PageRequest<FollowKey>): Promise<FollowListRow[]>;
}

export interface NewMessage {
  senderId: number;
  recipientId: number;
  body: string;
}

export interface MessagesRepository {
  /**
   * One transaction: the message, the recipient's unread count up by one (under their row lock), and
   * their unread-messages notification replaced by one of the new count.
   */
  send(message: NewMessage): Promise<MessageRow>;
  /** One transaction: the unread count back to 0, and an unread-messages notification of 0. The user as left. */
  markRead(userId: number): Promise<UserRow>;
  /** Those of the ids that name messages, in no particular order. */
  byIds(ids: readonly number[]): Promise<MessageRow[]>;
  /** Those of the ids that name messages `viewerId` sent or received: nobody else sees one. */
  byIdsFor(viewerId: number, ids: readonly number[]): Promise<MessageRow[]>;
  /** Messages `userId` received, newest first. */
  received(userId: number, request: PageRequest<NewestFirstKey>): Promise<MessageRow[]>;
  receivedCount(userId: number): Promise<number>;
  /** Messages between the two users, both ways, newest first. */
  conversation(userId: number, otherId: number, request: PageRequest<NewestFirstKey>): Promise<MessageRow[]>;
  conversationCount(userId: number, otherId: number): Promise<number>;
}

export interface NotificationsRepository {
  /** The user's notifications with an id above `afterId` (0: all) created at `since` or later, oldest first. */
  after(userId: number, afterId: number, since: Date, limit: number): Promise<NotificationRow[]>;
  byIds(ids: readonly number[]): Promise<NotificationRow[]>;
  /** Deletes every notification created before `before`. */
  sweep(before: Date): Promise<void>;
}

export interface Session {
  tokenId: number;
  expiresAt: Date;
  user: UserRow;
}

export interface NewToken {
  userId: number;
  tokenHash: string;
  expiresAt: Date;
}

export interface TokensRepository {
  /**
   * Creates the token only if the user's password hash is still `passwordHash`, the one the
   * password was verified against, and tells whether it did: a sign-in that raced a password change
   * gets no session of the old password. PostgreSQL waits for a change in flight to commit or not.
   */
  createForPassword(token: NewToken, passwordHash: string): Promise<boolean>;
  /** The token with that hash and its user, expired or not. */
  sessionByHash(tokenHash: string): Promise<Session | undefined>;
  delete(tokenId: number): Promise<void>;
  /** Those of the tokens that are still there (not revoked) and unexpired at `now`. */
  liveAmong(tokenIds: readonly number[], now: Date): Promise<Set<number>>;
  /** Forgets a user's tokens that expired by `now`. */
  deleteExpired(userId: number, now: Date): Promise<void>;
}

/** One exported post: what the export writes of it, and its position (oldest first). */
export interface ExportedPostRow {
  id: number;
  body: string;
  timestamp: Date;
}

/** Where a task got to: written with the piece of result that took it there, in one transaction. */
export interface TaskStep {
  taskId: number;
  /**
   * The task's doneCount this step goes on from. Should another runner have moved the task on
   * meanwhile (two instances resuming it), the step does nothing: one runner wins, the other stops.
   */
  fromDoneCount: number;
  /** The next piece of the result (pieces are numbered from 0), or none. */
  chunk?: { seq: number; body: string };
  progress: number;
  doneCount: number;
  last?: NewestFirstKey;
  complete: boolean;
  /** Replaces the task's progress notification with a new one (ids in commit order per user). */
  notify: boolean;
}

export interface TasksRepository {
  /**
   * Starts a task for the user unless one of that name is unfinished; either way, the unfinished one
   * (`created` tells which). Two racing requests get one task.
   */
  start(userId: number, name: TaskRow["name"], description: string): Promise<{ task: TaskRow; created: boolean }>;
  byIds(ids: readonly number[]): Promise<TaskRow[]>;
  /** Those of the ids that name tasks of `userId`: nobody else sees one. */
  byIdsFor(userId: number, ids: readonly number[]): Promise<TaskRow[]>;
  /** The user's tasks, newest first. */
  page(userId: number, request: PageRequest<NewestFirstKey>): Promise<TaskRow[]>;
  count(userId: number): Promise<number>;
  /** Every task neither complete nor failed: what a restart resumes. */
  unfinished(): Promise<TaskRow[]>;
  /** Records a step; false when the task is gone (swept, its user deleted), finished, or moved on by another runner. */
  step(step: TaskStep): Promise<boolean>;
  /** Marks the task failed for good, with a progress notification. */
  fail(taskId: number, error: string): Promise<void>;
  /** The pieces of the task's result after `afterSeq` (-1: from the first), in order. */
  chunks(taskId: number, afterSeq: number, limit: number): Promise<{ seq: number; body: string }[]>;
  /** Deletes the tasks finished (complete or failed) before `before`, with their results. */
  sweep(before: Date): Promise<void>;
  /** The author's posts after `after` (from the first when absent), oldest first. */
  postsOldestFirst(authorId: number, request: PageRequest<NewestFirstKey>): Promise<ExportedPostRow[]>;
}

export interface PasswordResetsRepository {
  /** Stores the hash of the user's new reset token, replacing (invalidating) any earlier one. */
  replace(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The user whose reset token has that hash and is unexpired at `now`. */
  userFor(tokenHash: string, now: Date): Promise<number | undefined>;
  /**
   * One transaction: the token used up, the new password hash set, and every session and reset token
   * of the user revoked. False (nothing changed) when the token is unknown, used or expired.
   */
  redeem(tokenHash: string, now: Date, passwordHash: string): Promise<boolean>;
}

export interface Repositories {
  users: UsersRepository;
  posts: PostsRepository;
  tokens: TokensRepository;
  follows: FollowsRepository;
  messages: MessagesRepository;
  notifications: NotificationsRepository;
  tasks: TasksRepository;
  passwordResets: PasswordResetsRepository;
}

// ---------------------------------------------------------------------------------------------
// The statements ports: what each engine provides, each member one statement (prepared once, unless
// its shape changes with its input: an insert's optional columns, an update's changes, a list's
// page size) or one transaction. Values go in plain (Dates, arrays of ids); each engine encodes them
// for its driver.

/** One statement that returns rows, prepared once, run with the values of its named placeholders. */
export interface Query<Params, Row> {
  all(params: Params): Promise<Row[]>;
  /** The first row, if any. */
  get(params: Params): Promise<Row | undefined>;
}

/** One statement that returns nothing, prepared once. */
export interface Command<Params> {
  run(params: Params): Promise<void>;
}

type NoParams = Record<never, never>;
type Limit = { limit: number };
/** The newest-first position after which a page starts. */
type After = { afterTimestamp: Date; afterId: number };
type Count = { n: number };

export interface UserStatements {
  /** The row inserted; throws a unique violation when the username or email is taken (see ./errors.ts). */
  /** With the email's Gravatar key (the repository computes it). */
  insert(user: NewUser & { avatarHash?: string }): Promise<UserRow | undefined>;
  byIds: Query<{ ids: readonly number[] }, UserRow>;
  summariesByIds: Query<{ ids: readonly number[] }, UserSummaryRow>;
  /** Ignores case. */
  byUsername: Query<{ username: string }, UserRow>;
  /** By lowercased username. */
  page: Query<Limit, UserSummaryRow>;
  pageAfter: Query<Limit & { after: string }, UserSummaryRow>;
  /** By lowercased username, those from `from` (included) to `to` (excluded). */
  range: Query<Limit & { from: string; to: string }, UserSummaryRow>;
  count: Query<NoParams, Count>;
  /** The row as updated; none when there is no such user. Throws a unique violation when the username is taken. */
  update(userId: number, changes: ProfileChanges): Promise<UserRow | undefined>;
  recordSeen: Command<{ userId: number; at: Date; staleBefore: Date }>;
  /** One transaction: the new hash, and every token of the user but `keepTokenId` revoked. */
  replacePassword(userId: number, passwordHash: string, keepTokenId: number): Promise<void>;
  /** Ignores case. */
  byEmail: Query<{ email: string }, UserRow>;
}

/** Pages in newest-first order of the same rows: the first, and those after a key. */
export interface NewestFirstPages<Params, Row> {
  first: Query<Params & Limit, Row>;
  after: Query<Params & Limit & After, Row>;
}

/** A full-text query, which each engine spells in its own query language. */
type Search = { query: SearchQuery };

export interface PostStatements {
  /** Timestamped by the database's clock. */
  insert: Query<{ userId: number; body: string; language: string | null }, PostRow>;
  insertAt: Query<{ userId: number; body: string; language: string | null; timestamp: Date }, PostRow>;
  byId: Query<{ id: number }, PostRow>;
  byIds: Query<{ ids: readonly number[] }, PostRow>;
  delete: Query<{ id: number }, { id: number }>;
  /** Everyone's posts. */
  page: NewestFirstPages<NoParams, PostRow>;
  /** One author's posts: a plain range of their index. */
  byAuthor: NewestFirstPages<{ authorId: number }, PostRow>;
  /** Several authors' posts, the same page of each, merged. */
  byAuthors: NewestFirstPages<{ authorIds: readonly number[] }, PostRow>;
  /** The user's and their followed authors' newest posts: the cost grows with the users followed, never with their posts. */
  feed: NewestFirstPages<{ userId: number }, PostRow>;
  /** The feed's authors' post counts added up: their rows, never their posts, are read. */
  feedCount: Query<{ userId: number }, Count>;
  count: Query<NoParams, Count>;
  /** Matching posts by score, then id, both descending: the first page, and those after a key. */
  searchByRelevance: {
    first: Query<Search & Limit, ScoredPostRow>;
    after: Query<Search & Limit & { afterScore: number; afterId: number }, ScoredPostRow>;
  };
  /** Matching posts by id, descending: the first page, and those after an id. */
  searchByNewest: {
    first: Query<Search & Limit, PostRow>;
    after: Query<Search & Limit & { afterId: number }, PostRow>;
  };
  searchCount: Query<Search, Count>;
}

export interface FollowStatements {
  /** One transaction: see FollowsRepository.follow. */
  follow(followerId: number, followedId: number, maxFollowing: number): Promise<FollowResult>;
  delete: Command<{ followerId: number; followedId: number }>;
  /** Those of `ids` whom `followerId` follows. */
  followedAmong: Query<{ followerId: number; ids: readonly number[] }, { id: number }>;
  followedBy: Query<{ followerId: number }, { id: number }>;
  /** Each owner's list, most recent first, the same page of each (the SQL differs most between engines here). */
  list(direction: FollowDirection, ownerIds: readonly number[], request: PageRequest<FollowKey>): Promise<FollowListRow[]>;
}

export interface MessageStatements {
  /** One transaction: see MessagesRepository.send. */
  send(message: NewMessage): Promise<MessageRow>;
  /** One transaction: see MessagesRepository.markRead; none when there is no such user. */
  markRead(userId: number): Promise<UserRow | undefined>;
  byIds: Query<{ ids: readonly number[] }, MessageRow>;
  byIdsFor: Query<{ viewerId: number; ids: readonly number[] }, MessageRow>;
  received: NewestFirstPages<{ userId: number }, MessageRow>;
  receivedCount: Query<{ userId: number }, Count>;
  /** Two backward ranges of one index (each way), merged. */
  conversation: NewestFirstPages<{ userId: number; otherId: number }, MessageRow>;
  conversationCount: Query<{ userId: number; otherId: number }, Count>;
}

export interface NotificationStatements {
  after: Query<Limit & { userId: number; afterId: number; since: Date }, NotificationRow>;
  byIds: Query<{ ids: readonly number[] }, NotificationRow>;
  sweep: Command<{ before: Date }>;
}

export interface TokenStatements {
  /** Inserts the token only if the user's password hash is still `passwordHash`; the ids inserted (none or one). */
  insertForPassword: Query<NewToken & { passwordHash: string }, { id: number }>;
  sessionByHash: Query<{ tokenHash: string }, Session>;
  delete: Command<{ id: number }>;
  liveAmong: Query<{ ids: readonly number[]; now: Date }, { id: number }>;
  deleteExpired: Command<{ userId: number; now: Date }>;
}

export interface TaskStatements {
  /** See TasksRepository.start. */
  start(userId: number, name: TaskRow["name"], description: string): Promise<{ task: TaskRow; created: boolean }>;
  byIds: Query<{ ids: readonly number[] }, TaskRow>;
  byIdsFor: Query<{ userId: number; ids: readonly number[] }, TaskRow>;
  page: NewestFirstPages<{ userId: number }, TaskRow>;
  count: Query<{ userId: number }, Count>;
  unfinished: Query<NoParams, TaskRow>;
  /** One transaction: see TasksRepository.step. */
  step(step: TaskStep): Promise<boolean>;
  /** One transaction: see TasksRepository.fail. */
  fail(taskId: number, error: string): Promise<void>;
  chunks: Query<Limit & { taskId: number; afterSeq: number }, { seq: number; body: string }>;
  sweep: Command<{ before: Date }>;
  /** Oldest first: a forward range of the author's posts index. */
  postsOldestFirst: {
    first: Query<Limit & { authorId: number }, ExportedPostRow>;
    after: Query<Limit & After & { authorId: number }, ExportedPostRow>;
  };
}

export interface PasswordResetStatements {
  replace: Command<{ userId: number; tokenHash: string; expiresAt: Date }>;
  userFor: Query<{ tokenHash: string; now: Date }, { userId: number }>;
  /** One transaction: see PasswordResetsRepository.redeem. */
  redeem(tokenHash: string, now: Date, passwordHash: string): Promise<boolean>;
}

/** Everything an engine provides for the repositories. */
export interface Statements {
  users: UserStatements;
  posts: PostStatements;
  follows: FollowStatements;
  tokens: TokenStatements;
  messages: MessageStatements;
  notifications: NotificationStatements;
  tasks: TaskStatements;
  passwordResets: PasswordResetStatements;
}

// ---------------------------------------------------------------------------------------------
// What else each engine provides: bulk loading, migrating, readiness, and a side connection.

export interface BulkUser {
  username: string;
  email: string;
  passwordHash: string;
  aboutMe: string | null;
  lastSeen: Date;
  /** The email's Gravatar key: Database.bulk computes it. */
  avatarHash?: string;
}

export interface BulkPost {
  userId: number;
  body: string;
  timestamp: Date;
  language?: string | null;
}

export interface BulkFollow {
  followerId: number;
  followedId: number;
  createdAt: Date;
}

/**
 * Loads many rows at once (seeding, imports): multi-row INSERTs of at most ROWS_PER_STATEMENT rows,
 * each call one transaction. Rows go in as given: no validation, no conflict handling.
 */
export interface BulkWriter {
  /** Returns each inserted user's id by username. */
  users(rows: readonly BulkUser[]): Promise<Map<string, number>>;
  posts(rows: readonly BulkPost[]): Promise<void>;
  follows(rows: readonly BulkFollow[]): Promise<void>;
  /**
   * After a load: fresh planner statistics (and, on PostgreSQL, the visibility map that index-only
   * scans need), so the next queries get the plans the indexes allow.
   */
  analyze(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connections per process. */
  poolSize?: number;
  /** What the service's requests may wait for; absent: the engines' own defaults (tools, seeding, tests). */
  timeouts?: DatabaseTimeouts;
  /** SQLite: FULL (the default) is durable on power loss; NORMAL may lose the last writes. */
  sqliteSynchronous?: "FULL" | "NORMAL";
}

/** An opened database of one engine: its statements, and what only the engine knows how to do. */
export interface EngineConnection {
  statements: Statements;
  bulk: BulkWriter;
  /** What every instance's writes announce (PostgreSQL: LISTEN/NOTIFY; SQLite: this process's). */
  events: LiveEvents;
  /** Applies the migrations that have not run yet (PostgreSQL: under an advisory lock). */
  migrate(): Promise<void>;
  /** How many of this build's migrations the database has not applied (all, when it never was); throws when it does not answer. */
  pendingMigrations(): Promise<number>;
  /**
   * Fills in what the migrations could not, once migrated: the Gravatar keys of users an older
   * release wrote (SQLite has no MD5 in SQL; on PostgreSQL the migration did it, and this catches
   * rows an older instance wrote since). Cheap when there is nothing to fill.
   */
  backfill(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A plain connection of its own beside the application's, for tests, the benchmark and tools: raw
 * SQL, written for the engine at hand.
 */
export interface SideConnection {
  /** Runs one or more statements, separated by semicolons. */
  execute(statements: string): Promise<void>;
  /** The rows of one query (through `openSideConnection`, with timestamps as milliseconds). */
  select(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** The plan the engine would run `query` with, one line per step. */
  explain(query: string, params: unknown[]): Promise<string[]>;
  /** Applies the migrations of `folder` that have not run yet, as the release that shipped them did. */
  migrate(folder: string): Promise<void>;
  /**
   * Takes the write lock (SQLite) or an exclusive lock on `table` (PostgreSQL) in a transaction,
   * held until the returned function rolls it back.
   */
  lock(table: string): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
