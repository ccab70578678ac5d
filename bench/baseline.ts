// The floor the benchmark measures us against: a plain node:http handler, the same drivers, and
// hand-written prepared SQL, answering the benchmark's read operations with the very JSON the
// GraphQL API answers. It does the same work (token check, lastSeen, cursors, avatars) and nothing
// else: no GraphQL, no ORM, no framework, no validation beyond what a correct answer needs.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Sqlite from "better-sqlite3";
import postgres from "postgres";
import type { DatabaseTarget } from "../src/db/url.ts";

interface PostRow {
  id: number;
  body: string;
  timestamp: Date;
  userId: number;
}

interface MessageRow {
  id: number;
  body: string;
  timestamp: Date;
  senderId: number;
}

interface ScoredPostRow extends PostRow {
  score: number;
}

interface Author {
  id: number;
  username: string;
  /** The email's Gravatar key, stored with the user (as the API reads it). */
  avatarHash: string;
}

interface ListedUser {
  id: number;
  username: string;
  followerCount: number;
  followingCount: number;
  postCount: number;
}

interface Profile {
  id: number;
  aboutMe: string | null;
  followerCount: number;
  followingCount: number;
  postCount: number;
}

interface Session {
  userId: number;
  expiresAt: Date;
  lastSeen: Date | null;
}

interface Cursor {
  timestamp: Date;
  id: number;
}

type Row = Record<string, any>;

const profileOf = (row: Row): Profile => ({
  id: row.id,
  aboutMe: row.about_me,
  followerCount: row.follower_count,
  followingCount: row.following_count,
  postCount: row.post_count,
});

const listedUserOf = (row: Row): ListedUser => ({
  id: row.id,
  username: row.username,
  followerCount: row.follower_count,
  followingCount: row.following_count,
  postCount: row.post_count,
});

/** The queries, written once per engine. */
interface Queries {
  session(tokenHash: string): Promise<Session | undefined>;
  recordSeen(userId: number, at: Date, staleBefore: Date): Promise<void>;
  explore(limit: number): Promise<PostRow[]>;
  authors(ids: number[]): Promise<Author[]>;
  feed(userId: number, limit: number, after: Cursor | undefined): Promise<PostRow[]>;
  profile(username: string): Promise<Profile | undefined>;
  postsOf(userId: number, limit: number): Promise<PostRow[]>;
  usersPage(limit: number): Promise<ListedUser[]>;
  followedAmong(followerId: number, ids: number[]): Promise<Set<number>>;
  /** Posts holding the word (its stem), best match first. */
  searchByRelevance(word: string, limit: number): Promise<ScoredPostRow[]>;
  /** Posts holding the word (its stem), newest first. */
  searchByNewest(word: string, limit: number): Promise<PostRow[]>;
  /** The newest messages the user received. */
  inbox(userId: number, limit: number): Promise<MessageRow[]>;
  /** Users whose lowercased username is in [from, to), by it. */
  usersBetween(from: string, to: string, limit: number): Promise<Author[]>;
  close(): Promise<void>;
}

function sqliteQueries(path: string): Queries {
  const db = new Sqlite(path);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const post = (row: Row): PostRow => ({
    id: row.id,
    body: row.body,
    timestamp: new Date(row.timestamp),
    userId: row.user_id,
  });
  const message = (row: Row): MessageRow => ({ id: row.id, body: row.body, timestamp: new Date(row.timestamp), senderId: row.sender_id });
  const statements = {
    session: db.prepare(
      "select t.user_id, t.expires_at, u.last_seen from tokens t join users u on u.id = t.user_id where t.token_hash = ?",
    ),
    recordSeen: db.prepare("update users set last_seen = ? where id = ? and (last_seen is null or last_seen < ?)"),
    explore: db.prepare("select id, body, timestamp, user_id from posts order by timestamp desc, id desc limit ?"),
    authors: db.prepare("select id, username, avatar_hash as avatarHash from users where id in (select value from json_each(?))"),
    feed: db.prepare(`
      select p.id, p.body, p.timestamp, p.user_id from users u
      join posts p on p.id in (
        select n.id from posts n where n.user_id = u.id order by n.timestamp desc, n.id desc limit @limit)
      where u.id in (select followed_id from followers where follower_id = @user union all select @user)
      order by p.timestamp desc, p.id desc limit @limit`),
    feedAfter: db.prepare(`
      select p.id, p.body, p.timestamp, p.user_id from users u
      join posts p on p.id in (
        select n.id from posts n
        where n.user_id = u.id and n.timestamp <= @ts and (n.timestamp < @ts or n.id < @id)
        order by n.timestamp desc, n.id desc limit @limit)
      where u.id in (select followed_id from followers where follower_id = @user union all select @user)
      order by p.timestamp desc, p.id desc limit @limit`),
    profile: db.prepare(
      "select id, about_me, follower_count, following_count, post_count from users where lower(username) = lower(?)",
    ),
    postsOf: db.prepare(
      "select id, body, timestamp, user_id from posts where user_id = ? order by timestamp desc, id desc limit ?",
    ),
    usersPage: db.prepare(
      "select id, username, follower_count, following_count, post_count from users order by lower(username) limit ?",
    ),
    followedAmong: db.prepare(
      "select followed_id from followers where follower_id = ? and followed_id in (select value from json_each(?))",
    ),
    searchByRelevance: db.prepare(`
      select p.id, p.body, p.timestamp, p.user_id, page.score from (
        select rowid as id, -bm25(posts_search) as score from posts_search where posts_search match ?
        order by score desc, id desc limit ?) page
      join posts p on p.id = page.id order by page.score desc, page.id desc`),
    searchByNewest: db.prepare(`
      select id, body, timestamp, user_id from posts
      where id in (select rowid from posts_search where posts_search match ? order by rowid desc limit ?) order by id desc`),
    inbox: db.prepare(
      "select id, body, timestamp, sender_id from messages where recipient_id = ? order by timestamp desc, id desc limit ?",
    ),
    usersBetween: db.prepare(
      "select id, username, avatar_hash as avatarHash from users where lower(username) >= ? and lower(username) < ? order by lower(username) limit ?",
    ),
  };
  return {
    async session(tokenHash) {
      const row = statements.session.get(tokenHash) as Row | undefined;
      return row && { userId: row.user_id, expiresAt: new Date(row.expires_at), lastSeen: row.last_seen === null ? null : new Date(row.last_seen) };
    },
    async recordSeen(userId, at, staleBefore) {
      statements.recordSeen.run(at.getTime(), userId, staleBefore.getTime());
    },
    async explore(limit) {
      return (statements.explore.all(limit) as Row[]).map(post);
    },
    async authors(ids) {
      return statements.authors.all(JSON.stringify(ids)) as Author[];
    },
    async feed(userId, limit, after) {
      const rows = after
        ? statements.feedAfter.all({ user: userId, limit, ts: after.timestamp.getTime(), id: after.id })
        : statements.feed.all({ user: userId, limit });
      return (rows as Row[]).map(post);
    },
    async profile(username) {
      const row = statements.profile.get(username) as Row | undefined;
      return row && profileOf(row);
    },
    async postsOf(userId, limit) {
      return (statements.postsOf.all(userId, limit) as Row[]).map(post);
    },
    async usersPage(limit) {
      return (statements.usersPage.all(limit) as Row[]).map(listedUserOf);
    },
    async followedAmong(followerId, ids) {
      return new Set((statements.followedAmong.all(followerId, JSON.stringify(ids)) as Row[]).map((row) => row.followed_id));
    },
    async searchByRelevance(word, limit) {
      return (statements.searchByRelevance.all(`"${word}"`, limit) as Row[]).map((row) => ({ ...post(row), score: row.score }));
    },
    async searchByNewest(word, limit) {
      return (statements.searchByNewest.all(`"${word}"`, limit) as Row[]).map(post);
    },
    async inbox(userId, limit) {
      return (statements.inbox.all(userId, limit) as Row[]).map(message);
    },
    async usersBetween(from, to, limit) {
      return statements.usersBetween.all(from, to, limit) as Author[];
    },
    close: async () => void db.close(),
  };
}

function postgresQueries(url: string): Queries {
  // Column names as the API's tables have them; camelCase conversion would cost a little on every row.
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const post = (row: Row): PostRow => ({ id: row.id, body: row.body, timestamp: row.timestamp, userId: row.user_id });
  const message = (row: Row): MessageRow => ({ id: row.id, body: row.body, timestamp: row.timestamp, senderId: row.sender_id });
  return {
    async session(tokenHash) {
      const [row] = await sql`
        select t.user_id, t.expires_at, u.last_seen from tokens t join users u on u.id = t.user_id
        where t.token_hash = ${tokenHash}`;
      return row && { userId: row.user_id, expiresAt: row.expires_at, lastSeen: row.last_seen };
    },
    async recordSeen(userId, at, staleBefore) {
      await sql`update users set last_seen = ${at} where id = ${userId} and (last_seen is null or last_seen < ${staleBefore})`;
    },
    async explore(limit) {
      return (await sql`select id, body, timestamp, user_id from posts order by timestamp desc, id desc limit ${limit}`).map(post);
    },
    async authors(ids) {
      return (await sql`select id, username, avatar_hash as "avatarHash" from users where id = any(${ids}::integer[])`) as unknown as Author[];
    },
    async feed(userId, limit, after) {
      const rows = after
        ? await sql`
            select p.id, p.body, p.timestamp, p.user_id from posts p where p.id in (
              select page.id from (select followed_id as id from followers where follower_id = ${userId} union all select ${userId}) authors
              cross join lateral (
                select id, timestamp from posts
                where user_id = authors.id and timestamp <= ${after.timestamp} and (timestamp < ${after.timestamp} or id < ${after.id})
                order by timestamp desc, id desc limit ${limit}) page
              order by page.timestamp desc, page.id desc limit ${limit})
            order by p.timestamp desc, p.id desc`
        : await sql`
            select p.id, p.body, p.timestamp, p.user_id from posts p where p.id in (
              select page.id from (select followed_id as id from followers where follower_id = ${userId} union all select ${userId}) authors
              cross join lateral (
                select id, timestamp from posts where user_id = authors.id order by timestamp desc, id desc limit ${limit}) page
              order by page.timestamp desc, page.id desc limit ${limit})
            order by p.timestamp desc, p.id desc`;
      return rows.map(post);
    },
    async profile(username) {
      const [row] = await sql`
        select id, about_me, follower_count, following_count, post_count from users
        where (lower(username) collate "C") = (lower(${username}) collate "C")`;
      return row && profileOf(row);
    },
    async postsOf(userId, limit) {
      return (
        await sql`select id, body, timestamp, user_id from posts where user_id = ${userId} order by timestamp desc, id desc limit ${limit}`
      ).map(post);
    },
    async usersPage(limit) {
      return (
        await sql`
          select id, username, follower_count, following_count, post_count from users
          order by (lower(username) collate "C") limit ${limit}`
      ).map(listedUserOf);
    },
    async followedAmong(followerId, ids) {
      const rows = await sql`select followed_id from followers where follower_id = ${followerId} and followed_id = any(${ids}::integer[])`;
      return new Set(rows.map((row) => row.followed_id as number));
    },
    // posts.search and posts_search_query() are the database's (the posts_full_text_search migration).
    async searchByRelevance(word, limit) {
      const rows = await sql`
        select id, body, timestamp, user_id, score from (
          select id, body, timestamp, user_id, ts_rank_cd(search, posts_search_query(${`'${word}'`}, '')) as score from posts
          where search @@ posts_search_query(${`'${word}'`}, '')) matches
        order by score desc, id desc limit ${limit}`;
      return rows.map((row) => ({ ...post(row), score: row.score }));
    },
    async searchByNewest(word, limit) {
      const rows = await sql`
        select id, body, timestamp, user_id from posts where search @@ posts_search_query(${`'${word}'`}, '')
        order by id desc limit ${limit}`;
      return rows.map(post);
    },
    async inbox(userId, limit) {
      const rows = await sql`
        select id, body, timestamp, sender_id from messages where recipient_id = ${userId} order by timestamp desc, id desc limit ${limit}`;
      return rows.map(message);
    },
    async usersBetween(from, to, limit) {
      const rows = await sql`
        select id, username, avatar_hash as "avatarHash" from users
        where (lower(username) collate "C") >= ${from} and (lower(username) collate "C") < ${to}
        order by (lower(username) collate "C") limit ${limit}`;
      return rows as unknown as Author[];
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

const LAST_SEEN_RESOLUTION_MS = 60_000;
const TOKEN_SHAPE = /^Bearer ([A-Za-z0-9_-]{43})$/;

function avatar(hash: string): string {
  return `https://www.gravatar.com/avatar/${hash}?d=identicon&s=128`;
}

function encodeCursor(row: { timestamp: Date; id: number }, list = "post"): string {
  return Buffer.from(`${list}:${row.timestamp.getTime()}:${row.id}`).toString("base64url");
}

/** A search's cursors are tagged with its order and a digest of its query, as the API's are. */
function searchCursor(word: string, order: string, key: string): string {
  const query = JSON.stringify({ all: [[[word]]], none: [] }).toLowerCase();
  const digest = createHash("sha256").update(query).digest("base64url").slice(0, 16);
  return Buffer.from(`search:${order}:${digest}:${key}`).toString("base64url");
}

function decodeCursor(cursor: string): Cursor | undefined {
  const match = /^post:(-?\d{1,15}):(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? { timestamp: new Date(Number(match[1])), id: Number(match[2]) } : undefined;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request handler, over the database `target` names. */
export function createBaseline(target: DatabaseTarget) {
  const queries = target.dialect === "sqlite" ? sqliteQueries(target.path) : postgresQueries(target.url);

  async function viewer(request: IncomingMessage): Promise<number> {
    const token = TOKEN_SHAPE.exec(request.headers.authorization ?? "")?.[1];
    const session = token && (await queries.session(createHash("sha256").update(token).digest("hex")));
    const now = new Date();
    if (!session || session.expiresAt <= now) throw new HttpError(401, "The token is invalid or has expired; sign in again.");
    const staleBefore = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    if (!session.lastSeen || session.lastSeen <= staleBefore) await queries.recordSeen(session.userId, now, staleBefore);
    return session.userId;
  }

  async function usersById(ids: number[]): Promise<Map<number, Author>> {
    return new Map((await queries.authors([...new Set(ids)])).map((user) => [user.id, user]));
  }

  async function withAuthors(posts: PostRow[]) {
    const authors = await usersById(posts.map((post) => post.userId));
    return posts.map((post) => {
      const author = authors.get(post.userId)!;
      return {
        id: Buffer.from(`Post:${post.id}`).toString("base64url"),
        body: post.body,
        timestamp: post.timestamp.toISOString(),
        author: { username: author.username, avatar: avatar(author.avatarHash) },
      };
    });
  }

  const routes: Record<string, (request: IncomingMessage, url: URL) => Promise<unknown>> = {
    async "/explore"() {
      const posts = await queries.explore(21);
      return { posts: { nodes: await withAuthors(posts.slice(0, 20)) } };
    },
    async "/feed"(request, url) {
      const userId = await viewer(request);
      const afterParam = url.searchParams.get("after");
      const after = afterParam ? decodeCursor(afterParam) : undefined;
      if (afterParam && !after) throw new HttpError(400, "after is not a cursor from this list.");
      const rows = await queries.feed(userId, 21, after);
      const page = rows.slice(0, 20);
      return {
        feed: {
          nodes: await withAuthors(page),
          pageInfo: { endCursor: page.length ? encodeCursor(page.at(-1)!) : null, hasNextPage: rows.length > 20 },
        },
      };
    },
    async "/profile"(_, url) {
      const profile = await queries.profile(url.searchParams.get("username") ?? "");
      if (!profile) return { user: null };
      const posts = await queries.postsOf(profile.id, 11);
      return {
        user: {
          aboutMe: profile.aboutMe,
          followerCount: profile.followerCount,
          followingCount: profile.followingCount,
          postCount: profile.postCount,
          posts: { nodes: posts.slice(0, 10).map((post) => ({ body: post.body, timestamp: post.timestamp.toISOString() })) },
        },
      };
    },
    async "/search"(_, url) {
      const word = url.searchParams.get("word") ?? "";
      if (!/^\p{L}+$/u.test(word)) throw new HttpError(400, "word must be one word.");
      const relevance = url.searchParams.get("order") !== "NEWEST";
      const rows = relevance ? await queries.searchByRelevance(word, 21) : await queries.searchByNewest(word, 21);
      const page = rows.slice(0, 20);
      const last = page.at(-1);
      const key = (post: PostRow) => (relevance ? `${(post as ScoredPostRow).score}:${post.id}` : `${post.id}`);
      return {
        searchPosts: {
          nodes: await withAuthors(page),
          pageInfo: { endCursor: last ? searchCursor(word, relevance ? "RELEVANCE" : "NEWEST", key(last)) : null, hasNextPage: rows.length > 20 },
        },
      };
    },
    async "/search-users"(_, url) {
      const prefix = (url.searchParams.get("prefix") ?? "").toLowerCase();
      if (!/^[a-z0-9_.-]{1,64}$/.test(prefix)) throw new HttpError(400, "prefix must be the start of a username.");
      const users = await queries.usersBetween(prefix, `${prefix}~`, 10);
      return { searchUsers: users.map((user) => ({ username: user.username, avatar: avatar(user.avatarHash) })) };
    },
    async "/messages"(request) {
      const userId = await viewer(request);
      const rows = await queries.inbox(userId, 21);
      const page = rows.slice(0, 20);
      const senders = await usersById(page.map((message) => message.senderId));
      return {
        messages: {
          nodes: page.map((message) => {
            const sender = senders.get(message.senderId)!;
            return {
              id: Buffer.from(`Message:${message.id}`).toString("base64url"),
              body: message.body,
              timestamp: message.timestamp.toISOString(),
              sender: { username: sender.username, avatar: avatar(sender.avatarHash) },
            };
          }),
          pageInfo: { endCursor: page.length ? encodeCursor(page.at(-1)!, "messages") : null, hasNextPage: rows.length > 20 },
        },
      };
    },
    async "/users"(request) {
      const userId = await viewer(request);
      const users = (await queries.usersPage(21)).slice(0, 20);
      const followed = await queries.followedAmong(userId, users.map((user) => user.id));
      return {
        users: {
          nodes: users.map((user) => ({
            username: user.username,
            followerCount: user.followerCount,
            followingCount: user.followingCount,
            postCount: user.postCount,
            viewerIsFollowing: followed.has(user.id),
          })),
        },
      };
    },
  };

  function send(response: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
    response.end(json);
  }

  return {
    handle(request: IncomingMessage, response: ServerResponse): void {
      const url = new URL(request.url ?? "/", "http://baseline");
      const route = routes[url.pathname];
      if (!route) return send(response, 404, { errors: [{ message: "no such route" }] });
      route(request, url).then(
        (data) => send(response, 200, { data }),
        (error: unknown) =>
          error instanceof HttpError
            ? send(response, error.status, { errors: [{ message: error.message }] })
            : send(response, 500, { errors: [{ message: "Internal server error" }] }),
      );
    },
    close: () => queries.close(),
  };
}
