import Sqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { SideConnection } from "../../contract.ts";
import { DEFAULT_BUSY_TIMEOUT_MS, migrateFolder } from "./open.ts";

export function sideConnection(path: string): SideConnection {
  // Plain: what the file itself holds (its journal mode, say) shows, not what a connection set.
  const client = new Sqlite(path);
  client.pragma("foreign_keys = ON"); // as the application's connections have it
  client.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
  return {
    execute: async (statements) => void client.exec(statements),
    select: async (query, params = []) => client.prepare(query).all(...params) as Record<string, unknown>[],
    explain: async (query, params) =>
      (client.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[]).map((row) => row.detail),
    migrate: async (folder) => migrateFolder(drizzle({ client }), folder),
    async lock() {
      client.exec("begin immediate");
      return async () => void client.exec("rollback");
    },
    close: async () => void client.close(),
  };
}
