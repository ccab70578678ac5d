import { inArray, sql, type SQL } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";

/**
 * `column IN (the ids)` with one placeholder however many ids there are, so that the statement is
 * prepared once: the ids travel as a JSON array (`idList`), unpacked by json_each. SQLite still
 * probes the column's index once per id.
 */
export function inIdList(column: AnyColumn): SQL {
  return inArray(column, sql`(select value from json_each(${sql.placeholder("ids")}))`);
}

export function idList(ids: readonly number[]): { ids: string } {
  return { ids: JSON.stringify(ids) };
}

/** SQLite stores timestamps as milliseconds; placeholders are filled with driver values. */
export const driverTimestamp = (date: Date): number => date.getTime();

/**
 * Prepares on first use, not when the repository is made: SQLite checks a statement's tables as it
 * prepares it, and they exist only once the database is migrated.
 */
export function preparedOnFirstUse<Statements>(prepare: () => Statements): () => Statements {
  let statements: Statements | undefined;
  return () => (statements ??= prepare());
}
