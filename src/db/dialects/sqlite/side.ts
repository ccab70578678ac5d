import Sqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { SideConnection } from "../../contract.ts";
import { migrateFolder } from "./open.ts";

export function sideConnection(path: string, asMilliseconds: (row: Record<string, unknown>) => Record<string, unknown>): SideConnection {
  // Plain: what the file itself holds (its journal mode, say) shows, not what a connection set.
  const client = new Sqlite(path);
  client.pragma("foreign_keys = ON"); // as the application's connections have it
  client.pragma("busy_timeout = 5000");
  return {
    execute: async (statements) => void client.exec(statements),
    async select(query, params = []) {
      return (client.prepare(query).all(...params) as Record<string, unknown>[]).map(asMilliseconds);
    },
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
