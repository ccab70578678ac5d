import { and, desc, eq, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyColumn } from "drizzle-orm";
import type { PostKey } from "./types.ts";

interface NewestFirstColumns {
  timestamp: AnyColumn;
  id: AnyColumn;
}

/**
 * Rows strictly after `after` in newest-first order. The redundant `timestamp <= …` gives both
 * engines an index range to start from, so a deep page costs what the first page costs.
 */
export function afterInNewestFirst(columns: NewestFirstColumns, after: PostKey | undefined): SQL | undefined {
  if (!after) return undefined;
  return and(
    lte(columns.timestamp, after.timestamp),
    or(lt(columns.timestamp, after.timestamp), and(eq(columns.timestamp, after.timestamp), lt(columns.id, after.id))),
  );
}

export function newestFirst(columns: NewestFirstColumns): SQL[] {
  return [desc(columns.timestamp), desc(columns.id)];
}

/** Position of a row within its author's posts, newest first: to cut one page per author in one statement. */
export function rankWithinAuthor(columns: NewestFirstColumns & { userId: AnyColumn }): SQL<number> {
  return sql<number>`row_number() over (partition by ${columns.userId} order by ${columns.timestamp} desc, ${columns.id} desc)`;
}
