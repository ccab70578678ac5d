import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database, type OpenOptions } from "../../src/db/database.ts";
import { beside } from "../../src/db/side.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";

export type Engine = DatabaseTarget["dialect"];

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI sets it). */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface ScratchDatabase {
  target: DatabaseTarget;
  /** Drops the database (PostgreSQL) or deletes its files (SQLite). */
  destroy(): Promise<void>;
}

/** A new, empty database of its own: a temporary SQLite file, or a new PostgreSQL database. */
export async function scratchDatabase(engine: Engine): Promise<ScratchDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "microblog-test-"));
    return {
      target: { dialect: "sqlite", path: join(dir, "test.db") },
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `microblog_test_${randomBytes(6).toString("hex")}`;
  const server: DatabaseTarget = { dialect: "postgres", url: adminUrl };
  await beside(server, (admin) => admin.execute(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { dialect: "postgres", url: url.toString() },
    destroy: () => beside(server, (admin) => admin.execute(`drop database if exists ${name} with (force)`)),
  };
}

/** A scratch database, migrated to the latest migration and opened. */
export async function migratedDatabase(
  engine: Engine,
  options: OpenOptions = {},
): Promise<{ database: Database; target: DatabaseTarget; destroy(): Promise<void> }> {
  const scratch = await scratchDatabase(engine);
  const database = openDatabase(scratch.target, { poolSize: 4, ...options });
  await database.migrate();
  return {
    database,
    target: scratch.target,
    async destroy() {
      await database.close();
      await scratch.destroy();
    },
  };
}

/** Runs SQL on a database through a connection of its own, beside the application's. */
export function executeBeside(target: DatabaseTarget, statements: string): Promise<void> {
  return beside(target, (side) => side.execute(statements));
}

/** The rows a query returns, through a connection of its own, with timestamps as milliseconds. */
export function selectBeside(target: DatabaseTarget, query: string): Promise<Record<string, unknown>[]> {
  return beside(target, (side) => side.select(query));
}

/** The users whose post, follower or following count differs from their rows: none, when the triggers work. */
export async function usersWithWrongCounts(target: DatabaseTarget): Promise<Record<string, unknown>[]> {
  return selectBeside(
    target,
    `select id from users u where
       post_count <> (select count(*) from posts p where p.user_id = u.id)
       or follower_count <> (select count(*) from followers f where f.followed_id = u.id)
       or following_count <> (select count(*) from followers f where f.follower_id = u.id)`,
  );
}
