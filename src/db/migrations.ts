import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The generated migrations, found relative to this module so the working directory does not matter. */
export const migrationsFolder = {
  sqlite: fileURLToPath(new URL("../../drizzle/sqlite", import.meta.url)),
  postgres: fileURLToPath(new URL("../../drizzle/postgres", import.meta.url)),
};

/** The names of the migrations a folder holds, as the migrator records them once applied. */
export function migrationNames(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => existsSync(join(folder, name, "migration.sql")))
    .sort();
}

/** How many of the `expected` migrations are not among those applied. */
export function pendingOf(expected: string[], applied: { name: unknown }[]): number {
  const names = new Set(applied.map((row) => row.name));
  return expected.filter((name) => !names.has(name)).length;
}
