import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { databaseUrl, type DatabaseTarget } from "../../src/db/url.ts";
import { NotEmpty, seedDatabase, type SeedOptions } from "../../src/seed/dataset.ts";
import { engines, migratedDatabase, scratchDatabase, selectBeside, usersWithWrongCounts } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;

const SMALL: SeedOptions = { users: 40, posts: 400, followsPerUser: 5, seed: 3 };

async function seeded(engine: (typeof engines)[number], options: SeedOptions) {
  const scratch = await migratedDatabase(engine);
  await seedDatabase(scratch.database, options);
  return scratch;
}

async function contents(target: DatabaseTarget) {
  return {
    users: await selectBeside(target, "select * from users order by id"),
    posts: await selectBeside(target, "select * from posts order by id"),
    followers: await selectBeside(target, "select * from followers order by follower_id, followed_id"),
  };
}

/** `npm run seed` as a process of its own (from the sources, so no build is needed). */
async function seedCommand(target: DatabaseTarget, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/seed/main.ts", ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl(target) },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe.each(engines)("seed data on %s", (engine) => {
  it("when two empty databases are seeded with the same seed, then they hold the same rows; another seed, other rows", async () => {
    const [a, b, c] = await Promise.all([seeded(engine, SMALL), seeded(engine, SMALL), seeded(engine, { ...SMALL, seed: 4 })]);
    try {
      const first = await contents(a.target);
      expect(first.users).toHaveLength(40);
      expect(first.posts).toHaveLength(400);
      expect(first.followers).toHaveLength(40 * 5);
      expect(await contents(b.target)).toEqual(first);
      expect((await contents(c.target)).posts).not.toEqual(first.posts);
    } finally {
      await Promise.all([a.destroy(), b.destroy(), c.destroy()]);
    }
  });

  it("when seeded, then each user follows as many others as asked, and the counts on each row match the rows", async () => {
    const { target, destroy } = await seeded(engine, { users: 4, posts: 50, followsPerUser: 10, seed: 1 });
    try {
      const follows = await selectBeside(target, "select follower_id, count(*) as n from followers group by follower_id");
      // Four users can each follow only three others.
      expect(follows.map((row) => Number(row.n))).toEqual([3, 3, 3, 3]);
      expect(await selectBeside(target, "select * from followers where follower_id = followed_id")).toEqual([]);
      expect(await usersWithWrongCounts(target)).toEqual([]);
    } finally {
      await destroy();
    }
  });

  it("when the database already has users, then seeding refuses and writes nothing", async () => {
    const { database, target, destroy } = await seeded(engine, { ...SMALL, posts: 10 });
    try {
      await expect(seedDatabase(database, SMALL)).rejects.toThrow(NotEmpty);
      expect(await selectBeside(target, "select count(*) as n from posts")).toEqual([{ n: engine === "sqlite" ? 10 : "10" }]);
    } finally {
      await destroy();
    }
  });

  it("when `npm run seed` is given sizes, then it migrates, seeds and reports rows per second", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const result = await seedCommand(scratch.target, ["--users", "20", "--posts", "1_000", "--follows-per-user", "3"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Seeded 20 users, 1,000 posts and 3 follows per user \(seed 1\) in [\d.]+ s: [\d,]+ rows\/s\./);
      const database = openDatabase(scratch.target);
      try {
        expect(await database.repos.posts.count()).toBe(1_000);
      } finally {
        await database.close();
      }
      const again = await seedCommand(scratch.target, ["--users", "20"]);
      expect(again).toMatchObject({ code: 1, stderr: "The database already has users; seed an empty one.\n" });
    } finally {
      await scratch.destroy();
    }
  }, 30_000);
});

describe("npm run seed arguments", () => {
  const target: DatabaseTarget = { dialect: "sqlite", path: "/nonexistent/never-opened.db" };
  it.each([
    [["--users", "0"], "--users must be a whole number from 1 to 10000000; got \"0\""],
    [["--posts=-5"], "--posts must be a whole number from 0 to 100000000; got \"-5\""],
    [["--follows-per-user", "many"], "--follows-per-user must be a whole number from 0 to 10000; got \"many\""],
    [["--seed", "1.5"], "--seed must be a whole number from 0 to 4294967295; got \"1.5\""],
  ])("when given %j, then it stops before opening the database, saying what is wrong", async (args, message) => {
    const result = await seedCommand(target, args);
    expect(result).toMatchObject({ code: 2, stderr: `${message}\n` });
  });

  it("when given an option it does not know, then it stops, naming it", async () => {
    const result = await seedCommand(target, ["--userz", "5"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--userz/);
  });
});
