import type { PostRow, UserRow } from "../schema/parity.ts";

export type { PostRow, UserRow };

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

export type CreateUserResult = { ok: true; user: UserRow } | { ok: false; taken: "username" | "email" };
export type UpdateUserResult = { ok: true; user: UserRow } | { ok: false; taken: "username" };

export interface ProfileChanges {
  username?: string;
  /** Null clears it. */
  aboutMe?: string | null;
}

export interface UsersRepository {
  /** Inserts a user; a username or email already taken (ignoring case) is reported, not thrown. */
  create(user: { username: string; email: string; passwordHash: string; lastSeen?: Date }): Promise<CreateUserResult>;
  byIds(ids: readonly number[]): Promise<UserRow[]>;
  /** Ignores case. */
  byUsername(username: string): Promise<UserRow | undefined>;
  page(request: PageRequest<UserKey>): Promise<UserRow[]>;
  count(): Promise<number>;
  /** Applies the changes present; a username taken by someone else (ignoring case) is reported, not thrown. */
  updateProfile(userId: number, changes: ProfileChanges): Promise<UpdateUserResult>;
  /** Sets last_seen to `at` unless it is already later than `staleBefore`: one write per user however many instances try. */
  recordSeen(userId: number, at: Date, staleBefore: Date): Promise<void>;
  /** Sets a new password hash and revokes every token of the user but `keepTokenId`, in one transaction. */
  replacePassword(userId: number, passwordHash: string, keepTokenId: number): Promise<void>;
}

export interface PostsRepository {
  /** The timestamp defaults to the database's clock; tests and imports may set it (seeding writes in bulk). */
  create(post: { userId: number; body: string; timestamp?: Date }): Promise<PostRow>;
  byId(id: number): Promise<PostRow | undefined>;
  /** Deletes and tells whether there was such a post. */
  delete(id: number): Promise<boolean>;
  /** Everyone's posts, newest first. */
  page(request: PageRequest<PostKey>): Promise<PostRow[]>;
  /** Each user's posts, newest first, the same page of each: one statement for the lot, each page an index range. */
  pagesByUser(userIds: readonly number[], request: PageRequest<PostKey>): Promise<PostRow[]>;
  count(): Promise<number>;
  /** The posts of `userId` and of everyone they follow, newest first: a page of their home feed. */
  followedPage(userId: number, request: PageRequest<PostKey>): Promise<PostRow[]>;
  followedCount(userId: number): Promise<number>;
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
  /** Each user's list, most recent first, the same page of each: one statement for the lot. */
  pagesByUser(direction: FollowDirection, userIds: readonly number[], request: PageRequest<FollowKey>): Promise<FollowListRow[]>;
}

export interface Session {
  tokenId: number;
  expiresAt: Date;
  user: UserRow;
}

export interface TokensRepository {
  /**
   * Creates the token only if the user's password hash is still `passwordHash`, the one the
   * password was verified against, and tells whether it did: a sign-in that raced a password change
   * gets no session of the old password. PostgreSQL waits for a change in flight to commit or not.
   */
  createForPassword(token: { userId: number; tokenHash: string; expiresAt: Date }, passwordHash: string): Promise<boolean>;
  /** The token with that hash and its user, expired or not. */
  sessionByHash(tokenHash: string): Promise<Session | undefined>;
  delete(tokenId: number): Promise<void>;
  /** Forgets a user's tokens that expired by `now`. */
  deleteExpired(userId: number, now: Date): Promise<void>;
}

export interface Repositories {
  users: UsersRepository;
  posts: PostsRepository;
  tokens: TokensRepository;
  follows: FollowsRepository;
}
