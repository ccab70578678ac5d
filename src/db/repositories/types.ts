import type { PostRow, UserRow } from "../schema/parity.ts";

export type { PostRow, UserRow };

/** Position in "newest first" order: a post's timestamp, then its id as the tie-breaker. */
export interface PostKey {
  timestamp: Date;
  id: number;
}

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

export interface UsersRepository {
  /** Inserts a user; a username or email already taken (ignoring case) is reported, not thrown. */
  create(user: { username: string; email: string; passwordHash: string }): Promise<CreateUserResult>;
  byIds(ids: readonly number[]): Promise<UserRow[]>;
  /** Ignores case. */
  byUsername(username: string): Promise<UserRow | undefined>;
  page(request: PageRequest<UserKey>): Promise<UserRow[]>;
  count(): Promise<number>;
}

export interface PostsRepository {
  /** The timestamp defaults to the database's clock; seeding and imports may set it. */
  create(post: { userId: number; body: string; timestamp?: Date }): Promise<PostRow>;
  byId(id: number): Promise<PostRow | undefined>;
  /** Deletes and tells whether there was such a post. */
  delete(id: number): Promise<boolean>;
  /** Everyone's posts, newest first. */
  page(request: PageRequest<PostKey>): Promise<PostRow[]>;
  /** Each user's posts, newest first, the same page of each: one statement for the lot, each page an index range. */
  pagesByUser(userIds: readonly number[], request: PageRequest<PostKey>): Promise<PostRow[]>;
  count(): Promise<number>;
  /** Users without posts are absent from the map. */
  countByUser(userIds: readonly number[]): Promise<Map<number, number>>;
}

export interface Session {
  tokenId: number;
  expiresAt: Date;
  user: UserRow;
}

export interface TokensRepository {
  create(token: { userId: number; tokenHash: string; expiresAt: Date }): Promise<void>;
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
}
