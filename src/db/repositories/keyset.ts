import { and, desc, eq, lt, lte, or, type SQL } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";
import type { NewestFirstKey } from "./types.ts";

export interface NewestFirstColumns {
  timestamp: AnyColumn;
  id: AnyColumn;
}

/**
 * Rows strictly after `after` in newest-first order. The redundant `timestamp <= …` gives both
 * engines an index range to start from, so a deep page costs what the first page costs.
 */
export function afterInNewestFirst(columns: NewestFirstColumns, after: NewestFirstKey | undefined): SQL | undefined {
  if (!after) return undefined;
  return and(
    lte(columns.timestamp, after.timestamp),
    or(lt(columns.timestamp, after.timestamp), and(eq(columns.timestamp, after.timestamp), lt(columns.id, after.id))),
  );
}

export function newestFirst(columns: NewestFirstColumns): SQL[] {
  return [desc(columns.timestamp), desc(columns.id)];
}

