import { createHash } from "node:crypto";
import { execFile, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.ts";
import { migrationsFolder } from "../../src/db/migrations.ts";
import { beside } from "../../src/db/side.ts";
import { databaseUrl, type DatabaseTarget } from "../../src/db/url.ts";
import { engines, executeBeside, migratedDatabase, scratchDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;

/** The tables, indexes and applied migrations of a database, read straight from its catalog. */
async function inspect(target: DatabaseTarget) {
  const catalog =
    target.dialect === "sqlite"
      ? {
          names: `select name from sqlite_master where type = ? and name not like 'sqlite_%' order by name`,
          tables: ["table"],
          indexes: ["index"],
          applied: `select count(*) as n from __drizzle_migrations`,
        }
      : {
          names: `select tablename as name from pg_tables where schemaname = 'public' and $1 = 'table'
                  union all select indexname from pg_indexes where schemaname = 'public' and $1 = 'index' order by 1`,
          tables: ["table"],
          indexes: ["index"],
          applied: `select count(*)::int as n from drizzle.__drizzle_migrations`,
        };
  return beside(target, async (side) => {
    const names = async (params: string[]) => (await side.select(catalog.names, params)).map((row) => row.name);
    const [applied] = await side.select(catalog.applied);
    return { tables: await names(catalog.tables), indexes: await names(catalog.indexes), applied: Number(applied!.n) };
  });
}

const folderOf = { sqlite: migrationsFolder.sqlite, postgres: migrationsFolder.postgres };

/** The migrations that landed with the core service, before the social graph's. */
const CORE_MIGRATIONS = ["users_table", "posts_table", "tokens_table"];

/** The migrations that brought full-text search. */
const SEARCH_MIGRATIONS = ["post_language", "posts_full_text_search"];

/** Applies only the migrations named (by what follows their timestamp), as an older release would have. */
async function migrateOnly(target: DatabaseTarget, names: string[]): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "microblog-migrations-"));
  try {
    for (const migration of readdirSync(folderOf[target.dialect])) {
      if (names.includes(migration.replace(/^\d+_/, ""))) {
        cpSync(join(folderOf[target.dialect], migration), join(folder, migration), { recursive: true });
      }
    }
    expect(readdirSync(folder)).toHaveLength(names.length);
    await beside(target, (side) => side.migrate(folder));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Every row of a table, in key order, with timestamps as milliseconds. */
function rowsOf(target: DatabaseTarget, table: string): Promise<Record<string, unknown>[]> {
  return beside(target, (side) => side.select(`select * from ${table} order by 1, 2`));
}

/** What the core migrations' tables hold. */
async function coreRows(target: DatabaseTarget) {
  return {
    users: await rowsOf(target, "users"),
    posts: await rowsOf(target, "posts"),
    tokens: await rowsOf(target, "tokens"),
  };
}

describe.each(engines)("migrations on %s", (engine) => {
  const migrationCount = readdirSync(folderOf[engine]).length;

  it("when an empty database is migrated, then it holds every table and index, and a second run changes nothing", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const database = openDatabase(scratch.target);
      await database.migrate();
      await database.migrate();
      await database.close();
      const schema = await inspect(scratch.target);
      expect(schema.tables).toEqual(expect.arrayContaining(["followers", "posts", "tokens", "users"]));
      expect(schema.indexes).toEqual(
        expect.arrayContaining([
          "users_username_lower_key",
          "users_email_lower_key",
          "posts_timestamp_id_idx",
          "posts_user_id_timestamp_id_idx",
          "tokens_user_id_idx",
          "followers_followed_id_created_at_idx",
          "followers_follower_id_created_at_idx",
        ]),
      );
      expect(schema.applied).toBe(migrationCount);
    } finally {
      await scratch.destroy();
    }
  });

  it("when `drizzle-kit migrate` runs first (as a CI pipeline would), then the server finds nothing left to apply", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      await run("npx", ["drizzle-kit", "migrate"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl(scratch.target) } });
      expect((await inspect(scratch.target)).applied).toBe(migrationCount);
      const database = openDatabase(scratch.target);
      await database.migrate();
      await database.close();
      expect((await inspect(scratch.target)).applied).toBe(migrationCount);
    } finally {
      await scratch.destroy();
    }
  }, 60_000);

  it("when several instances start together, then each migrates safely and the migrations run once", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const instances = Array.from({ length: 4 }, () => openDatabase(scratch.target));
      await Promise.all(instances.map((database) => database.migrate()));
      await Promise.all(instances.map((database) => database.close()));
      expect((await inspect(scratch.target)).applied).toBe(migrationCount);
    } finally {
      await scratch.destroy();
    }
  });

  it("when a database holding rows written under the core migrations is migrated to the latest, then every row survives", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      await migrateOnly(scratch.target, CORE_MIGRATIONS);
      const at = (iso: string) => (engine === "sqlite" ? String(Date.parse(iso)) : `'${iso}'`);
      await executeBeside(
        scratch.target,
        `insert into users (username, email, password_hash) values
           ('Alice', 'alice@example.com', '$argon2id$alice'), ('bob', 'bob@example.com', null), ('carol', 'c@example.com', 'x');
         insert into posts (body, timestamp, user_id) values
           ('first, with ''quotes''', ${at("2026-01-01T00:00:00.123Z")}, 1),
           ('second', ${at("2026-01-02T00:00:00.000Z")}, 1),
           ('third 😀', ${at("2026-01-02T00:00:00.000Z")}, 2);
         insert into tokens (token_hash, user_id, expires_at) values
           ('${"a".repeat(64)}', 1, ${at("2030-01-01T00:00:00.000Z")}),
           ('${"b".repeat(64)}', 2, ${at("2030-01-01T00:00:00.000Z")});`,
      );
      const before = await coreRows(scratch.target);
      expect(before.posts).toHaveLength(3);

      const database = openDatabase(scratch.target);
      try {
        await database.migrate();
        await database.backfill();
        const after = await coreRows(scratch.target);
        const postCounts = [2, 1, 0];
        expect(after.users).toEqual(
          before.users.map((user, i) => ({
            ...user,
            about_me: null,
            last_seen: null,
            post_count: postCounts[i],
            follower_count: 0,
            following_count: 0,
            unread_message_count: 0,
            avatar_hash: createHash("md5").update(String(user.email)).digest("hex"),
          })),
        );
        // Posts gain a language (unknown for those written before) and, on PostgreSQL, their search vector.
        expect(after.posts.map(({ search, ...post }) => post)).toEqual(before.posts.map((post) => ({ ...post, language: null })));
        expect(after.tokens).toEqual(before.tokens);
        expect(await rowsOf(scratch.target, "followers")).toEqual([]);
        expect((await inspect(scratch.target)).applied).toBe(migrationCount);

        // Users from before the new tables can follow and be followed.
        await database.repos.follows.follow(1, 2, 5_000);
        expect(await database.repos.posts.feed(1, { limit: 10 })).toHaveLength(3);
        // And send each other messages, and be notified.
        const message = await database.repos.messages.send({ senderId: 2, recipientId: 1, body: "hi" });
        expect(await database.repos.messages.received(1, { limit: 10 })).toEqual([message]);
        expect((await database.repos.notifications.after(2, 0, new Date(0), 10)).map((row) => row.kind)).toEqual(["new_follower"]);
        expect((await database.repos.users.byIds([1]))[0]?.unreadMessageCount).toBe(1);
      } finally {
        await database.close();
      }
    } finally {
      await scratch.destroy();
    }
  });

  it("when a database with posts and follows gains the user counts, then each is counted, and every write after keeps them", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      await migrateOnly(scratch.target, [...CORE_MIGRATIONS, "new_fields_in_user_model", "followers"]);
      await executeBeside(
        scratch.target,
        `insert into users (username, email) values ('a', 'a@example.com'), ('b', 'b@example.com'), ('c', 'c@example.com');
         insert into posts (body, user_id) values ('1', 1), ('2', 1), ('3', 1), ('4', 2);
         insert into followers (follower_id, followed_id) values (1, 2), (1, 3), (2, 3), (3, 1);`,
      );
      const database = openDatabase(scratch.target);
      try {
        await database.migrate();
        const counts = async () =>
          (await database.repos.users.byIds([1, 2, 3]))
            .sort((x, y) => x.id - y.id)
            .map((user) => [user.postCount, user.followerCount, user.followingCount]);
        expect(await counts()).toEqual([
          [3, 1, 2],
          [1, 1, 1],
          [0, 2, 1],
        ]);

        const post = await database.repos.posts.create({ userId: 3, body: "new" });
        await database.repos.posts.delete(1);
        await database.repos.follows.follow(2, 1, 5_000);
        await database.repos.follows.follow(2, 1, 5_000); // already following: no change
        await database.repos.follows.unfollow(1, 3);
        await database.repos.follows.unfollow(1, 3); // not following: no change
        expect(await counts()).toEqual([
          [2, 2, 1],
          [1, 1, 2],
          [1, 1, 1],
        ]);

        // A deleted user's posts and follows go with them, and the others' counts follow.
        await executeBeside(scratch.target, `update posts set user_id = 2 where id = ${post.id}; delete from users where id = 1;`);
        expect(await counts()).toEqual([
          [2, 0, 1],
          [0, 1, 0],
        ]);
      } finally {
        await database.close();
      }
    } finally {
      await scratch.destroy();
    }
  });

  it("when a database holding posts of the release before search is migrated, then search finds them, and keeps finding what is written and deleted after", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const before = readdirSync(folderOf[engine]).map((migration) => migration.replace(/^\d+_/, ""));
      await migrateOnly(scratch.target, before.filter((name) => !SEARCH_MIGRATIONS.includes(name)));
      await executeBeside(
        scratch.target,
        `insert into users (username, email) values ('a', 'a@example.com'), ('b', 'b@example.com');
         insert into posts (body, user_id) values ('Running with the wolves', 1), ('Café society', 2), ('Nothing to see', 1);`,
      );
      const database = openDatabase(scratch.target);
      try {
        await database.migrate();
        const search = async (...words: string[]) =>
          (await database.repos.posts.searchByNewest({ all: words.map((word) => [[word]]), none: [] }, { limit: 10 })).map((post) => post.body);
        expect(await search("run")).toEqual(["Running with the wolves"]);
        expect(await search("cafe")).toEqual(["Café society"]);
        expect((await database.repos.posts.byId(1))!.language).toBeNull();

        await database.repos.posts.create({ userId: 2, body: "Wolves at the door", language: "en" });
        await database.repos.posts.delete(1);
        expect(await search("wolves")).toEqual(["Wolves at the door"]);
        // A user's deletion takes their posts with it, and out of the index.
        await executeBeside(scratch.target, "delete from users where id = 2");
        expect(await search("wolves")).toEqual([]);
        expect(await search("society")).toEqual([]);
        expect(await search("nothing")).toEqual(["Nothing to see"]);
      } finally {
        await database.close();
      }
    } finally {
      await scratch.destroy();
    }
  });

  it("when a database of the release before jobs (with messages and notifications) is migrated, then its rows survive, and its users can export and reset", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const earlier = readdirSync(folderOf[engine])
        .map((migration) => migration.replace(/^\d+_/, ""))
        .filter((name) => name !== "jobs_exports_and_password_resets");
      await migrateOnly(scratch.target, earlier);
      await executeBeside(
        scratch.target,
        `insert into users (username, email, password_hash) values ('alice', 'alice@example.com', 'x'), ('bob', 'bob@example.com', 'y');
         insert into posts (body, user_id) values ('hello', 1);
         insert into messages (sender_id, recipient_id, body) values (2, 1, 'hi alice');
         insert into notifications (user_id, kind, count) values (1, 'unread_messages', 1);
         insert into notifications (user_id, kind, follower_id) values (1, 'new_follower', 2);`,
      );
      const before = { messages: await rowsOf(scratch.target, "messages"), notifications: await rowsOf(scratch.target, "notifications") };

      const database = openDatabase(scratch.target);
      try {
        await database.migrate();
        expect(await rowsOf(scratch.target, "messages")).toEqual(before.messages);
        expect(await rowsOf(scratch.target, "notifications")).toEqual(before.notifications.map((row) => ({ ...row, task_id: null })));
        const { task, created } = await database.repos.tasks.start(1, "export_posts", "Exporting your posts");
        expect(created).toBe(true);
        expect(task).toMatchObject({ userId: 1, progress: 0, complete: false, error: null, doneCount: 0 });
        await database.repos.passwordResets.replace(2, "c".repeat(64), new Date(Date.now() + 60_000));
        expect(await database.repos.passwordResets.userFor("c".repeat(64), new Date())).toBe(2);
      } finally {
        await database.close();
      }
    } finally {
      await scratch.destroy();
    }
  });

  it("when a database of the release before stored Gravatar keys is migrated, then every user has their email's, and avatars answer as before", async () => {
    const scratch = await scratchDatabase(engine);
    try {
      const earlier = readdirSync(folderOf[engine])
        .map((migration) => migration.replace(/^\d+_/, ""))
        .filter((name) => name !== "avatar_hash");
      await migrateOnly(scratch.target, earlier);
      // More than one backfill batch of a thousand on SQLite.
      const emails = Array.from({ length: 1_205 }, (_, index) => `user${index}@example.com`);
      await executeBeside(
        scratch.target,
        `insert into users (username, email, password_hash) values ${emails.map((email, index) => `('user${index}', '${email}', 'x')`).join(", ")};`,
      );
      const before = (await rowsOf(scratch.target, "users")).map(({ avatar_hash: _, ...row }) => row);

      const database = openDatabase(scratch.target);
      try {
        // As start-up does: migrate, then fill in what the migrations could not.
        await database.migrate();
        await database.backfill();
        const after = await rowsOf(scratch.target, "users");
        expect(after.map(({ avatar_hash: _, ...row }) => row)).toEqual(before);
        expect(after.map((row) => row.avatar_hash)).toEqual(emails.map((email) => createHash("md5").update(email).digest("hex")));
        const created = await database.repos.users.create({ username: "newcomer", email: "newcomer@example.com", passwordHash: "x" });
        if (!created.ok) throw new Error("could not create the user");
        expect(created.user.avatarHash).toBe(createHash("md5").update("newcomer@example.com").digest("hex"));
        // A row an instance of the older release writes meanwhile is filled at the next start.
        await executeBeside(scratch.target, `insert into users (username, email, password_hash) values ('latecomer', 'late@example.com', 'x');`);
        await database.backfill();
        const [late] = await beside(scratch.target, (side) => side.select(`select avatar_hash from users where username = 'latecomer'`));
        expect(late).toEqual({ avatar_hash: createHash("md5").update("late@example.com").digest("hex") });
      } finally {
        await database.close();
      }
    } finally {
      await scratch.destroy();
    }
  });

  it("when a post names a user that does not exist, then the foreign key refuses it", async () => {
    const { database, target, destroy } = await migratedDatabase(engine);
    try {
      await expect(database.repos.posts.create({ userId: 424242, body: "orphan" })).rejects.toThrow();
      if (target.dialect === "sqlite") {
        expect(await beside(target, (side) => side.select("pragma journal_mode"))).toEqual([{ journal_mode: "wal" }]);
      }
    } finally {
      await destroy();
    }
  });

  it("when a follow names the same user twice or a user that does not exist, then the database refuses it", async () => {
    const { database, destroy } = await migratedDatabase(engine);
    try {
      const created = await database.repos.users.create({ username: "narcissus", email: "n@example.com", passwordHash: "x" });
      if (!created.ok) throw new Error("could not create the user");
      await expect(database.repos.follows.follow(created.user.id, created.user.id, 5_000)).rejects.toThrow();
      await expect(database.repos.follows.follow(created.user.id, 424242, 5_000)).rejects.toThrow();
    } finally {
      await destroy();
    }
  });

  it("when two users differ only in the case of their username or email, then the database itself refuses the second", async () => {
    const { database, destroy } = await migratedDatabase(engine);
    try {
      const first = await database.repos.users.create({ username: "Alice", email: "alice@example.com", passwordHash: "x" });
      const sameName = await database.repos.users.create({ username: "aLICE", email: "other@example.com", passwordHash: "x" });
      const sameEmail = await database.repos.users.create({ username: "other", email: "ALICE@example.com", passwordHash: "x" });
      expect(first.ok).toBe(true);
      expect(sameName).toEqual({ ok: false, taken: "username" });
      expect(sameEmail).toEqual({ ok: false, taken: "email" });
    } finally {
      await destroy();
    }
  });
});

describe("migration files", () => {
  it("when the table definitions are compared with the migrations (npm run db:check), then nothing is missing", async () => {
    const { stdout } = await run("npm", ["run", "--silent", "db:check"], { cwd: projectRoot });
    expect(stdout).toContain("sqlite: migrations are consistent and up to date");
    expect(stdout).toContain("postgresql: migrations are consistent and up to date");
  }, 120_000);
});

describe.runIf(engines.includes("postgres"))("pg_dump of a searchable database on postgres", () => {
  it("when a searchable database is dumped with pg_dump and restored elsewhere, then it restores whole and its posts are found", async () => {
    // The search functions name the text-search configurations: pg_dump must create those first.
    const [source, copy] = [await scratchDatabase("postgres"), await scratchDatabase("postgres")];
    try {
      const database = openDatabase(source.target);
      try {
        await database.migrate();
        const created = await database.repos.users.create({ username: "dumped", email: "d@example.com", passwordHash: "x" });
        if (!created.ok) throw new Error("could not create the user");
        await database.repos.posts.create({ userId: created.user.id, body: "Los niños corrían en el parque", language: "es" });
        await database.repos.posts.create({ userId: created.user.id, body: "Running in the park" });
      } finally {
        await database.close();
      }
      const urlOf = (scratch: typeof source) => (scratch.target.dialect === "postgres" ? scratch.target.url : "");
      const { stdout: dump } = await run("pg_dump", ["--no-owner", urlOf(source)], { maxBuffer: 64 << 20 });
      await new Promise<void>((resolve, reject) => {
        const restore = spawn("psql", ["--quiet", "--no-psqlrc", "--single-transaction", "-v", "ON_ERROR_STOP=1", urlOf(copy)], { stdio: ["pipe", "ignore", "pipe"] });
        let errors = "";
        restore.stderr.on("data", (chunk) => (errors += chunk));
        restore.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${errors}`))));
        restore.stdin.end(dump);
      });
      const restored = openDatabase(copy.target);
      try {
        expect(await restored.pendingMigrations()).toBe(0);
        const search = async (word: string) =>
          (await restored.repos.posts.searchByNewest({ all: [[[word]]], none: [] }, { limit: 10 })).map((post) => post.body);
        expect(await search("corrian")).toEqual(["Los niños corrían en el parque"]);
        expect(await search("run")).toEqual(["Running in the park"]);
        await restored.repos.posts.create({ userId: 1, body: "Runs after the restore" });
        expect(await search("running")).toEqual(["Runs after the restore", "Running in the park"]);
      } finally {
        await restored.close();
      }
    } finally {
      await source.destroy();
      await copy.destroy();
    }
  });
});
