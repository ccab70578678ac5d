import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import Sqlite from "better-sqlite3";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrationsFolder } from "../../src/db/migrate.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";
import { engines, migratedDatabase, scratchDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;

/** The tables, indexes and applied migrations of a database, read straight from its catalog. */
async function inspect(target: DatabaseTarget) {
  if (target.dialect === "sqlite") {
    const db = new Sqlite(target.path, { readonly: true });
    try {
      const names = (type: string) =>
        (db.prepare(`select name from sqlite_master where type = ? and name not like 'sqlite_%' order by name`).all(type) as {
          name: string;
        }[]).map((row) => row.name);
      const applied = db.prepare(`select count(*) as n from __drizzle_migrations`).get() as { n: number };
      return { tables: names("table"), indexes: names("index"), applied: applied.n };
    } finally {
      db.close();
    }
  }
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`;
    const indexes = await sql`select indexname as name from pg_indexes where schemaname = 'public' order by 1`;
    const [applied] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    return { tables: tables.map((row) => row.name), indexes: indexes.map((row) => row.name), applied: applied!.n };
  } finally {
    await sql.end();
  }
}

const folderOf = { sqlite: migrationsFolder.sqlite, postgres: migrationsFolder.postgres };

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
      expect(schema.tables).toEqual(expect.arrayContaining(["posts", "tokens", "users"]));
      expect(schema.indexes).toEqual(
        expect.arrayContaining([
          "users_username_lower_key",
          "users_email_lower_key",
          "posts_timestamp_id_idx",
          "posts_user_id_timestamp_id_idx",
          "tokens_user_id_idx",
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
      const databaseUrl = scratch.target.dialect === "sqlite" ? `file:${scratch.target.path}` : scratch.target.url;
      await run("npx", ["drizzle-kit", "migrate"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl } });
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

  it("when a post names a user that does not exist, then the foreign key refuses it", async () => {
    const { database, target, destroy } = await migratedDatabase(engine);
    try {
      await expect(database.repos.posts.create({ userId: 424242, body: "orphan" })).rejects.toThrow();
      if (target.dialect === "sqlite") {
        const db = new Sqlite(target.path, { readonly: true });
        expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
        db.close();
      }
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
