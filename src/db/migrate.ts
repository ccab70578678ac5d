import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqliteFolder } from "drizzle-orm/better-sqlite3/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgresFolder } from "drizzle-orm/postgres-js/migrator";
import type { Sql } from "postgres";

/** The generated migrations, found relative to this module so the working directory does not matter. */
export const migrationsFolder = {
  sqlite: fileURLToPath(new URL("../../drizzle/sqlite", import.meta.url)),
  postgres: fileURLToPath(new URL("../../drizzle/postgres", import.meta.url)),
};

/** Any fixed number, the same in every instance: instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 7_361_001;

export function migrateSqlite(db: BetterSQLite3Database): void {
  migrateSqliteFolder(db, { migrationsFolder: migrationsFolder.sqlite });
}

export async function migratePostgres(db: PostgresJsDatabase, client: Sql): Promise<void> {
  const lockHolder = await client.reserve();
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgresFolder(db, { migrationsFolder: migrationsFolder.postgres });
  } finally {
    await lockHolder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    lockHolder.release();
  }
}

/** The names of the migrations a folder holds, as the migrator records them once applied. */
export function migrationNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => existsSync(join(folder, name, "migration.sql")))
    .sort();
}
