import type { SideConnection } from "./contract.ts";
import { sideConnection as postgresSide } from "./dialects/postgres/side.ts";
import { sideConnection as sqliteSide } from "./dialects/sqlite/side.ts";
import type { DatabaseTarget } from "./url.ts";

export type { SideConnection };

/** Dates as milliseconds, so that rows read from either engine compare alike. */
function asMilliseconds(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.getTime() : value]));
}

/**
 * A connection of its own to the database `target` names, beside the application's: for tests, the
 * benchmark and tools. On PostgreSQL it may name the server's maintenance database, to create and
 * drop others.
 */
export function openSideConnection(target: DatabaseTarget): SideConnection {
  const side = target.dialect === "sqlite" ? sqliteSide(target.path) : postgresSide(target.url);
  return { ...side, select: async (query, params) => (await side.select(query, params)).map(asMilliseconds) };
}

/** Runs `work` on a side connection, closed after. */
export async function beside<T>(target: DatabaseTarget, work: (side: SideConnection) => Promise<T>): Promise<T> {
  const side = openSideConnection(target);
  try {
    return await work(side);
  } finally {
    await side.close();
  }
}
