/**
 * Under both engines' limits on bound parameters per statement (SQLite 32,766; PostgreSQL 65,535)
 * for the widest row (users, 6 columns: 12,000 parameters).
 */
const ROWS_PER_STATEMENT = 2_000;

/** Rows in runs short enough for one multi-row INSERT each. */
export function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) result.push(rows.slice(start, start + ROWS_PER_STATEMENT));
  return result;
}
