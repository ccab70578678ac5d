import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";
import type { NewestFirstKey } from "../contract.ts";

export interface NewestFirstColumns {
  timestamp: AnyColumn;
  id: AnyColumn;
}

/** A position in newest-first order: values, or placeholders that a prepared statement fills. */
export interface NewestFirstBound {
  timestamp: NewestFirstKey["timestamp"] | SQLWrapper;
  id: number | SQLWrapper;
}

/** Placeholders for the position after which a prepared page starts (the ports' `After`). */
export const AFTER: NewestFirstBound = { timestamp: sql.placeholder("afterTimestamp"), id: sql.placeholder("afterId") };

/** A page's size, as a placeholder of prepared statements. */
export const LIMIT = sql.placeholder("limit");

/**
 * Rows strictly after `after` in newest-first order. The redundant `timestamp <= …` gives both
 * engines an index range to start from, so a deep page costs what the first page costs.
 */
export function afterInNewestFirst(columns: NewestFirstColumns, after: NewestFirstBound | undefined): SQL | undefined {
  if (!after) return undefined;
  return and(
    lte(columns.timestamp, after.timestamp),
    or(lt(columns.timestamp, after.timestamp), and(eq(columns.timestamp, after.timestamp), lt(columns.id, after.id))),
  );
}

export function newestFirst(columns: NewestFirstColumns): SQL[] {
  return [desc(columns.timestamp), desc(columns.id)];
}

/** Rows strictly after `after` in oldest-first order: the mirror of `afterInNewestFirst`, a forward index range. */
export function afterInOldestFirst(columns: NewestFirstColumns, after: NewestFirstBound | undefined): SQL | undefined {
  if (!after) return undefined;
  return and(
    gte(columns.timestamp, after.timestamp),
    or(gt(columns.timestamp, after.timestamp), and(eq(columns.timestamp, after.timestamp), gt(columns.id, after.id))),
  );
}

export function oldestFirst(columns: NewestFirstColumns): SQL[] {
  return [asc(columns.timestamp), asc(columns.id)];
}
