import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { PostRow } from "../../src/db/contract.ts";
import { seedDatabase, SEED_NEWEST } from "../../src/seed/dataset.ts";
import { engines, migratedDatabase, selectBeside } from "../helpers/database.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";

/** Every post of the reader's feed, newest first, the slow and obvious way. */
async function wholeFeed(target: DatabaseTarget, readerId: number): Promise<number[]> {
  const rows = await selectBeside(
    target,
    `select id from posts
     where user_id = ${readerId} or user_id in (select followed_id from followers where follower_id = ${readerId})
     order by timestamp desc, id desc`,
  );
  return rows.map((row) => Number(row.id));
}

/** The same feed, page after page through the repository, as the API reads it. */
async function pagedFeed(database: Database, readerId: number, pageSize: number): Promise<number[]> {
  const ids: number[] = [];
  let after: PostRow | undefined;
  for (;;) {
    const rows = await database.repos.posts.feed(readerId, { limit: pageSize + 1, after });
    const page = rows.slice(0, pageSize);
    ids.push(...page.map((post) => post.id));
    if (rows.length <= pageSize) return ids;
    after = page.at(-1);
  }
}

// The feed picks each page from bounded ranges of each author's posts; whatever the bounds, the
// pages must be exactly the feed, in order, with nothing lost or repeated.
describe.each(engines)("the feed's pages on %s", (engine) => {
  let database: Database;
  let target: DatabaseTarget;
  let destroy: () => Promise<void>;

  beforeAll(async () => {
    ({ database, target, destroy } = await migratedDatabase(engine));
    await seedDatabase(database, { users: 60, posts: 3_000, followsPerUser: 30, seed: 5 });
    // Ties: many authors posting at one instant, a few pages deep, and again at an older one.
    const at = (daysAgo: number) => new Date(SEED_NEWEST - daysAgo * 86_400_000);
    const tied = Array.from({ length: 40 }, (_, i) => ({ userId: 1 + i, body: `tie ${i}`, timestamp: at(7) }));
    const older = Array.from({ length: 25 }, (_, i) => ({ userId: 2 + i, body: `old tie ${i}`, timestamp: at(60) }));
    await database.bulk.posts([...tied, ...older]);
  });

  afterAll(async () => {
    await destroy?.();
  });

  it.each([
    ["the most prolific user, following 30", 1, 20],
    ["a quiet user, following 30", 60, 20],
    ["a reader paging one post at a time", 7, 1],
    ["a reader paging seven at a time", 13, 7],
  ])("when %s pages through the whole feed, then the pages are exactly the feed, newest first", async (_, readerId, pageSize) => {
    const expected = await wholeFeed(target, readerId);
    expect(expected.length).toBeGreaterThan(pageSize * 3);
    expect(await pagedFeed(database, readerId, pageSize)).toEqual(expected);
  });

  it("when a reader follows fewer users than a page holds, then the pages are exactly the feed", async () => {
    await database.repos.follows.follow(59, 1, 5_000);
    const followed = await selectBeside(target, "select count(*) as n from followers where follower_id = 59");
    expect(Number(followed[0]!.n)).toBeGreaterThan(20);
    // A user of their own: no follows but one, so the authors are fewer than a page.
    const { ok } = await database.repos.users.create({ username: "loner", email: "loner@example.com", passwordHash: "x" });
    expect(ok).toBe(true);
    const loner = (await database.repos.users.byUsername("loner"))!;
    await database.repos.follows.follow(loner.id, 1, 5_000);
    expect(await pagedFeed(database, loner.id, 20)).toEqual(await wholeFeed(target, loner.id));
  });
});
