import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { openSideConnection, type SideConnection } from "../../src/db/side.ts";
import { engines, scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";

const USERS = 400;
const POSTS = 20_000;
const MESSAGES = 20_000;
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
  // Users 1 to 10 receive messages from everyone; users 1 and 2 write to each other often.
  const messages = Array.from({ length: MESSAGES }, (_, i) =>
    i % 20 === 0 ? `(${1 + ((i / 20) % 2)}, ${2 - ((i / 20) % 2)}, 'm${i}', ${at(BASE + i * 1000)})` : `(${11 + (i % (USERS - 11))}, ${1 + (i % 10)}, 'm${i}', ${at(BASE + i * 1000)})`,
  );
  const notifications = Array.from({ length: MESSAGES }, (_, i) => `(${1 + (i % 50)}, 'new_follower', ${2 + (i % (USERS - 2))}, ${at(BASE + i * 1000)})`);
  // Finished tasks of every user, and the result of the first in many pieces.
  const complete = engine === "sqlite" ? "1" : "true";
  const tasks = Array.from({ length: 4_000 }, (_, i) => `(${1 + (i % USERS)}, 'export_posts', ${complete}, ${at(BASE + i * 1000)}, ${at(BASE + i * 1000)})`);
  const chunks = Array.from({ length: 4_000 }, (_, i) => `(${1 + (i % 2)}, ${i}, 'chunk ${i}')`);
  return `insert into users (username, email, password_hash) values ${users.join(",")};
    insert into posts (body, user_id, timestamp) values ${posts.join(",")};
    insert into followers (follower_id, followed_id, created_at) values ${follows.join(",")};
    insert into messages (sender_id, recipient_id, body, timestamp) values ${messages.join(",")};
    insert into notifications (user_id, kind, follower_id, timestamp) values ${notifications.join(",")};
    insert into tasks (user_id, name, complete, created_at, completed_at) values ${tasks.join(",")};
    insert into task_result_chunks (task_id, seq, body) values ${chunks.join(",")};`;
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
    get messages() {
      return database.repos.messages;
    },
    get notifications() {
      return database.repos.notifications;
    },
    get tasks() {
      return database.repos.tasks;
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

  const sorted = /TEMP B-TREE|Sort\b/;

  it.each([
    ["the first page", undefined],
    ["a deep page", { timestamp: new Date(BASE + (MESSAGES / 2) * 1000), id: MESSAGES / 2 }],
  ])("when %s of an inbox is read, then it is a backward range of the recipient's index, never sorted", async (_, after) => {
    const plan = await planOf(() => repos.messages.received(1, { limit: 21, after }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH messages USING INDEX messages_recipient_id_timestamp_id_idx/ : /Index Scan Backward using messages_recipient_id_timestamp_id_idx/);
    expect(plan).not.toMatch(sorted);
  });

  it("when a conversation is read, then each way is a range of the sender's index with a limit, and no message is scanned", async () => {
    const plan = await planOf(() => repos.messages.conversation(1, 2, { limit: 21 }));
    const ranges = plan.match(engine === "sqlite" ? /SEARCH sent USING COVERING INDEX messages_sender_id_recipient_id_timestamp_id_idx/g : /Index (Only )?Scan Backward using messages_sender_id_recipient_id_timestamp_id_idx/g);
    expect(ranges).toHaveLength(2);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN (messages|sent)\b/ : /Seq Scan on messages/);
  });

  it("when notifications are read after an id, then it is a range of the user's index, in order", async () => {
    const plan = await planOf(() => repos.notifications.after(1, 100, new Date(0), 50));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH notifications USING INDEX notifications_user_id_id_idx \(user_id=\? AND id>\?\)/ : /Index Scan using notifications_user_id_id_idx/);
    expect(plan).not.toMatch(sorted);
  });

  it("when old notifications are swept, then they are found by the timestamp index", async () => {
    const plan = await planOf(() => repos.notifications.sweep(new Date(BASE + 1000)));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH notifications USING (COVERING )?INDEX notifications_timestamp_idx/ : /Index (Only )?Scan using notifications_timestamp_idx|Bitmap Index Scan on notifications_timestamp_idx/);
  });

  it.each([
    ["the first batch", undefined],
    ["a later batch", deepCursor],
  ])("when %s of an export is read, then it is a forward range of the author's index", async (_, after) => {
    // (PostgreSQL may sort a range it knows to be a few dozen rows, as for a profile.)
    const plan = await planOf(() => repos.tasks.postsOldestFirst(2, { limit: 1_000, after }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH posts USING INDEX posts_user_id_timestamp_id_idx/ : /(using|on) posts_user_id_timestamp_id_idx/);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN posts$|TEMP B-TREE/m : /Seq Scan on posts/);
  });

  it("when an export is downloaded, then its pieces are a range of the primary key, in order", async () => {
    const plan = await planOf(() => repos.tasks.chunks(1, 100, 4));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH task_result_chunks USING INDEX sqlite_autoindex_task_result_chunks_1 \(task_id=\? AND seq>\?\)/ : /Index Scan using task_result_chunks_pkey/);
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  });

  it("when a user's tasks are listed, then it is a backward range of their index", async () => {
    const plan = await planOf(() => repos.tasks.page(3, { limit: 21 }));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH tasks USING INDEX tasks_user_id_created_at_id_idx/ : /(using|on) tasks_user_id_created_at_id_idx/);
    expect(plan).not.toMatch(engine === "sqlite" ? /SCAN tasks$|TEMP B-TREE/m : /Seq Scan on tasks/);
  });

  it("when finished tasks are swept, then they are found by the completion index", async () => {
    const plan = await planOf(() => repos.tasks.sweep(new Date(BASE + 1000)));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH tasks USING (COVERING )?INDEX tasks_completed_at_idx/ : /(using|on) tasks_completed_at_idx/);
  });

  it("when a user is looked up by email (a reset request), then it is the lowercased-email index", async () => {
    const plan = await planOf(() => repos.users.byEmail("U7@EXAMPLE.COM"));
    expect(plan).toMatch(engine === "sqlite" ? /SEARCH users USING INDEX users_email_lower_key/ : /Index Scan using users_email_lower_key/);
  });
});
