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

/** True when every name in `expected` is among those applied. */
export function allApplied(expected: string[], applied: { name: unknown }[]): boolean {
  const names = new Set(applied.map((row) => row.name));
  return expected.every((name) => names.has(name));
}
