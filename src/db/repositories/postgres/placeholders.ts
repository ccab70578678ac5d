import { sql, type SQL } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";

/**
 * `column = ANY(the ids)` with one array placeholder however many ids there are, so that the
 * statement is prepared once (`idList` fills it). PostgreSQL probes the column's index per id.
 */
export function inIdList(column: AnyColumn): SQL {
  return sql`${column} = any(${sql.placeholder("ids")}::integer[])`;
}

export function idList(ids: readonly number[]): { ids: number[] } {
  return { ids: [...ids] };
}

/** The postgres driver sends a Date as timestamptz; placeholders are filled with driver values. */
export const driverTimestamp = (date: Date): Date => date;
