import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { openSideConnection, type SideConnection } from "../../src/db/side.ts";
import { engines, scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";

const USERS = 400;
const POSTS = 20_000;
const BASE = Date.UTC(2026, 0, 1);

/** What post `i` says: a word of its own, "common" in a third of the posts, "rare" in one. */
const postBody = (i: number) => `p${i} ${i % 3 === 0 ? "common" : "plain"}${i === 777 ? " rare" : ""}`;

/** Users, posts spread over them, user 1 following every 8th user and followed by most others. */
function seed(engine: string): string {
  const at = (ms: number) => (engine === "sqlite" ? String(ms) : `to_timestamp(${ms} / 1000.0)`);
  const users = Array.from({ length: USERS }, (_, i) => `('u${i}', 'u${i}@example.com', 'x')`);
  const posts = Array.from({ length: POSTS }, (_, i) => `('${postBody(i)}', ${1 + (i % USERS)}, ${at(BASE + i * 1000)})`);
  const follows = [
    ...Array.from({ length: USERS / 8 }, (_, i) => `(1, ${2 + i * 8}, ${at(BASE + i)})`),
    ...Array.from({ length: USERS - 2 }, (_, i) => `(${i + 2}, 1, ${at(BASE + i)})`),
  ];
  return `insert into users (username, email, password_hash) values ${users.join(",")};
    insert into posts (body, user_id, timestamp) values ${posts.join(",")};
    insert into followers (follower_id, followed_id, created_at) values ${follows.join(",")};`;
}

describe.each(engines)("query plans on %s", (engine) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let side: SideConnection;

  beforeAll(async () => {
    scratch = await scratchDatabase(engine);
    database = openDatabase(scratch.target, { poolSize: 1 });
    await database.migrate();
    side = openSideConnection(scratch.target);
    await side.execute(seed(engine));
    // Statistics, and on PostgreSQL the visibility map, as a live database has them.
    await side.execute(engine === "sqlite" ? "analyze" : "vacuum analyze");
  });

  afterAll(async () => {
    await side?.close();
    await database?.close();
    await scratch?.destroy();
  });

  const repos = {
    get posts() {
      return database.repos.posts;
    },
    get follows() {
      return database.repos.follows;
    },
    get users() {
      return database.repos.users;
    },
  };

  /** The plan of the one statement `run` issues, as the side connection explains it. */
  async function planOf(run: () => Promise<unknown>): Promise<string> {
    const { issued } = await database.statements.record(run);
    expect(issued).toHaveLength(1);
    return (await side.explain(issued[0]!.sql, issued[0]!.params)).join("\n");
  }

  const deepCursor = { timestamp: new Date(BASE + (POSTS / 2) * 1000), id: POSTS / 2 };
  const pagesOfPosts = engine === "sqlite" ? /SEARCH newer USING COVERING INDEX posts_user_id_timestamp_id_idx/ : /Index (Only )?Scan Backward using posts_user_id_timestamp_id_idx/;
  const noScanOfPosts = engine === "sqlite" ? /SCAN (posts|newer)\b/ : /Seq Scan on posts|Bitmap Heap Scan on posts/;

  it.each([
    ["the first page", undefined],
    ["a deep page", deepCursor],
  ])("when %s of a feed is read, then each followed author's posts are an index range and no post is scanned", async (_, after) => {
    const plan = await planOf(() => repos.posts.feed(1, { limit: 21, after }));
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
    const plan = await planOf(() => repos.posts.byAuthors([2], { limit: 11, after }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH posts USING INDEX posts_user_id_timestamp_id_idx/ : /(using|on) posts_user_id_timestamp_id_idx/);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN posts$|TEMP B-TREE/m : /Seq Scan on posts/);
  });

  it("when a page of several authors' posts is read, then each is an index range", async () => {
    const plan = await planOf(() => repos.posts.byAuthors([1, 2, 3], { limit: 21, after: deepCursor }));
    expect(plan).toMatch(pagesOfPosts);
    expect(plan).not.toMatch(noScanOfPosts);
  });

  it.each([
    ["followers", "followers_followed_id_created_at_idx"],
    ["following", "followers_follower_id_created_at_idx"],
  ] as const)("when %s lists are read, then each is a range of %s and no list is walked whole", async (direction, index) => {
    const plan = await planOf(() => repos.follows.list(direction, [1, 2, 3], { limit: 21 }));
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/SCAN (followers|other)\b|Seq Scan on followers|Bitmap Heap Scan on followers/);
  });

  const words = (...all: string[]) => ({ all: all.map((word) => [[word]]), none: [] });
  const fullTextIndex = engine === "sqlite" ? /SCAN posts_search VIRTUAL TABLE INDEX \d+:M/ : /Bitmap Index Scan on posts_search_idx/;
  const postsById = engine === "sqlite" ? /SEARCH posts USING INTEGER PRIMARY KEY/ : /Bitmap Heap Scan on posts|Index Scan using posts_pkey/;

  it.each([
    ["best match first", (after?: boolean) => repos.posts.searchByRelevance(words("rare"), { limit: 21, after: after ? { score: 1, id: 900 } : undefined })],
    ["newest first", (after?: boolean) => repos.posts.searchByNewest(words("rare"), { limit: 21, after: after ? { id: 900 } : undefined })],
  ])("when posts are searched for a rare word, %s, then the full-text index finds them and posts are read by id", async (_, search) => {
    for (const after of [false, true]) {
      const plan = await planOf(() => search(after));
      expect(plan).toMatch(fullTextIndex);
      expect(plan).toMatch(postsById);
      expect(plan).not.toMatch(engine === "sqlite" ? /SCAN posts\b(?!_search)/ : /Seq Scan on posts/);
    }
  });

  it("when posts are searched for a common word, newest first, then the page is found among the newest matches and no post is scanned", async () => {
    // FTS5 walks its index by id, descending, and stops at the page's end. PostgreSQL tests the newest
    // posts along the primary key; its GIN branch, for when they hold less than a page, never runs.
    const { issued } = await database.statements.record(() => repos.posts.searchByNewest(words("common"), { limit: 21 }));
    const plan = (await side.explain(issued[0]!.sql, issued[0]!.params)).join("\n");
    if (engine === "sqlite") {
      expect(plan).toMatch(fullTextIndex);
      expect(plan).not.toMatch(/SCAN posts\b(?!_search)|TEMP B-TREE/);
      return;
    }
    expect(plan).toMatch(/Limit[^\n]*\n\s*->\s+Index Scan Backward using posts_pkey/);
    const analyzed = (await side.select(`explain (analyze, costs off, timing off) ${issued[0]!.sql}`, issued[0]!.params)).map((row) => Object.values(row)[0]).join("\n");
    // Posts are read in two places only: the newest ones, and the page's by id.
    const readsOfPosts = analyzed.split("\n").filter((line) => / on posts( \w+)? /.test(line));
    expect(readsOfPosts.filter((line) => !/never executed/.test(line))).toEqual([
      expect.stringMatching(/Index Scan Backward using posts_pkey on posts \w+ \(actual rows=400 /),
      expect.stringMatching(/Index Scan (Backward )?using posts_pkey on posts \(actual rows=21 loops=1\)/),
    ]);
    expect(analyzed).toMatch(/Index Cond: \(id = ANY \(\$\d+\)\)/);
  });

  it("when users are looked up by a username prefix, then it is a range of the lowercased-username index", async () => {
    const plan = await planOf(() => repos.users.byUsernamePrefix("U1", 10));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH users USING INDEX users_username_lower_key \(<expr>>\? AND <expr><\?\)/ : /Index Scan using users_username_lower_key/);
    expect(plan).not.toMatch(/SCAN users\b|Seq Scan on users|TEMP B-TREE|Sort/);
  });
});
