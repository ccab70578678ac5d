import Sqlite from "better-sqlite3";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { postgresFollows } from "../../src/db/repositories/postgres/follows.ts";
import { postgresPosts } from "../../src/db/repositories/postgres/posts.ts";
import { sqliteFollows } from "../../src/db/repositories/sqlite/follows.ts";
import { sqlitePosts } from "../../src/db/repositories/sqlite/posts.ts";
import type { FollowsRepository, PostsRepository } from "../../src/db/repositories/types.ts";
import { engines, executeBeside, scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";

const USERS = 400;
const POSTS = 20_000;
const BASE = Date.UTC(2026, 0, 1);

/** Users, posts spread over them, user 1 following every 8th user and followed by most others. */
function seed(engine: string): string {
  const at = (ms: number) => (engine === "sqlite" ? String(ms) : `to_timestamp(${ms} / 1000.0)`);
  const users = Array.from({ length: USERS }, (_, i) => `('u${i}', 'u${i}@example.com', 'x')`);
  const posts = Array.from({ length: POSTS }, (_, i) => `('p${i}', ${1 + (i % USERS)}, ${at(BASE + i * 1000)})`);
  const follows = [
    ...Array.from({ length: USERS / 8 }, (_, i) => `(1, ${2 + i * 8}, ${at(BASE + i)})`),
    ...Array.from({ length: USERS - 2 }, (_, i) => `(${i + 2}, 1, ${at(BASE + i)})`),
  ];
  return `insert into users (username, email, password_hash) values ${users.join(",")};
    insert into posts (body, user_id, timestamp) values ${posts.join(",")};
    insert into followers (follower_id, followed_id, created_at) values ${follows.join(",")};`;
}

/** Repositories over their own connection, keeping each statement they run with its parameters. */
function recordingRepos(scratch: ScratchDatabase) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void statements.push({ sql, params }) };
  if (scratch.target.dialect === "sqlite") {
    const client = new Sqlite(scratch.target.path);
    const db = drizzleSqlite({ client, logger });
    return {
      statements,
      posts: sqlitePosts(db) as PostsRepository,
      follows: sqliteFollows(db) as FollowsRepository,
      explain: async ({ sql, params }: { sql: string; params: unknown[] }) =>
        (client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail),
      close: async () => client.close(),
    };
  }
  const client = postgres(scratch.target.url, { max: 1, onnotice: () => {} });
  const db = drizzlePostgres({ client, logger });
  return {
    statements,
    posts: postgresPosts(db) as PostsRepository,
    follows: postgresFollows(db) as FollowsRepository,
    explain: async ({ sql, params }: { sql: string; params: unknown[] }) =>
      (await client.unsafe(`explain ${sql}`, params as never[])).map((row) => String(row["QUERY PLAN"])),
    close: () => client.end(),
  };
}

describe.each(engines)("query plans on %s", (engine) => {
  let scratch: ScratchDatabase;
  let repos: ReturnType<typeof recordingRepos>;

  beforeAll(async () => {
    scratch = await scratchDatabase(engine);
    const database = openDatabase(scratch.target);
    await database.migrate();
    await database.close();
    await executeBeside(scratch.target, seed(engine));
    // Statistics, and on PostgreSQL the visibility map, as a live database has them.
    await executeBeside(scratch.target, engine === "sqlite" ? "analyze" : "vacuum analyze");
    repos = recordingRepos(scratch);
  });

  afterAll(async () => {
    await repos?.close();
    await scratch?.destroy();
  });

  /** The plan of the one statement `run` issues. */
  async function planOf(run: () => Promise<unknown>): Promise<string> {
    repos.statements.length = 0;
    await run();
    expect(repos.statements).toHaveLength(1);
    return (await repos.explain(repos.statements[0]!)).join("\n");
  }

  const deepCursor = { timestamp: new Date(BASE + (POSTS / 2) * 1000), id: POSTS / 2 };
  const pagesOfPosts = engine === "sqlite" ? /SEARCH newer USING COVERING INDEX posts_user_id_timestamp_id_idx/ : /Index (Only )?Scan Backward using posts_user_id_timestamp_id_idx/;
  const noScanOfPosts = engine === "sqlite" ? /SCAN (posts|newer)\b/ : /Seq Scan on posts|Bitmap Heap Scan on posts/;

  it.each([
    ["the first page", undefined],
    ["a deep page", deepCursor],
  ])("when %s of a feed is read, then each followed author's posts are an index range and no post is scanned", async (_, after) => {
    const plan = await planOf(() => repos.posts.followedPage(1, { limit: 21, after }));
    expect(plan).toMatch(pagesOfPosts);
    expect(plan).not.toMatch(noScanOfPosts);
    expect(plan).not.toMatch(/SCAN followers\b|Seq Scan on followers/);
  });

  it.each([
    ["the first page", undefined],
    ["a deep page", deepCursor],
  ])("when %s of everyone's posts is read, then it is a backward range of posts (timestamp, id), with no sort", async (_, after) => {
    const plan = await planOf(() => repos.posts.page({ limit: 21, after }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH posts USING INDEX posts_timestamp_id_idx|SCAN posts USING INDEX posts_timestamp_id_idx/ : /Index Scan Backward using posts_timestamp_id_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN posts$/m : /Seq Scan on posts/);
  });

  it.each([
    ["the first page", undefined],
    ["a deep page", deepCursor],
  ])("when %s of one author's posts is read (a profile), then it is a range of their index", async (_, after) => {
    // (PostgreSQL may sort a range it knows to be a few dozen rows; a long one it reads backward.)
    const plan = await planOf(() => repos.posts.pagesByUser([2], { limit: 11, after }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH posts USING INDEX posts_user_id_timestamp_id_idx/ : /(using|on) posts_user_id_timestamp_id_idx/);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN posts$|TEMP B-TREE/m : /Seq Scan on posts/);
  });

  it("when a page of several authors' posts is read, then each is an index range", async () => {
    const plan = await planOf(() => repos.posts.pagesByUser([1, 2, 3], { limit: 21, after: deepCursor }));
    expect(plan).toMatch(pagesOfPosts);
    expect(plan).not.toMatch(noScanOfPosts);
  });

  it.each([
    ["followers", "followers_followed_id_created_at_idx"],
    ["following", "followers_follower_id_created_at_idx"],
  ] as const)("when %s lists are read, then each is a range of %s and no list is walked whole", async (direction, index) => {
    const plan = await planOf(() => repos.follows.pagesByUser(direction, [1, 2, 3], { limit: 21 }));
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (followers|other)\b|Seq Scan on followers|Bitmap Heap Scan on followers/);
  });
});
