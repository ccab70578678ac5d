import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";
import { engines, migratedDatabase, usersWithWrongCounts } from "../helpers/database.ts";

// Each user's post, follower and following counts are kept by triggers in the writing transaction.
describe.each(engines)("user counts under concurrent writes on %s", (engine) => {
  let database: Database;
  let target: DatabaseTarget;
  let destroy: () => Promise<void>;
  const ids: number[] = [];

  beforeAll(async () => {
    ({ database, target, destroy } = await migratedDatabase(engine));
    const users = await database.bulk.users(
      Array.from({ length: 8 }, (_, i) => ({
        username: `u${i}`,
        email: `u${i}@example.com`,
        passwordHash: "x",
        aboutMe: null,
        lastSeen: new Date(),
      })),
    );
    ids.push(...users.values());
  });

  afterAll(async () => {
    await destroy?.();
  });

  it("when users follow and unfollow each other, both ways at once, then no write fails and the counts match the rows", async () => {
    const pairs = ids.flatMap((a) => ids.filter((b) => b !== a).map((b) => [a, b] as const));
    for (let round = 0; round < 3; round++) {
      // A follows B while B follows A, for every pair, all at once.
      await Promise.all(pairs.map(([a, b]) => database.repos.follows.follow(a, b, 5_000)));
      await Promise.all([
        ...pairs.filter((_, i) => i % 2 === 0).map(([a, b]) => database.repos.follows.unfollow(a, b)),
        ...ids.map((userId) => database.repos.posts.create({ userId, body: `round ${round}` })),
      ]);
    }
    expect(await usersWithWrongCounts(target)).toEqual([]);
    const users = await database.repos.users.byIds(ids);
    expect(users.map((user) => user.postCount)).toEqual(ids.map(() => 3));
    expect(users.reduce((sum, user) => sum + user.followerCount, 0)).toBe(pairs.length / 2);
  });
});
