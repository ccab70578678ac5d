import type { ParameterOrJSON } from "postgres";
import type { SideConnection } from "../../contract.ts";
import { connect, migrateFolder } from "./open.ts";

export function sideConnection(url: string): SideConnection {
  // Two: migrating holds one for its advisory lock.
  const client = connect(url, 2);
  const bound = (params: unknown[]) => params as ParameterOrJSON<never>[];
  return {
    execute: async (statements) => void (await client.unsafe(statements)),
    select: async (query, params = []) => [...(await client.unsafe(query, bound(params)))],
    explain: async (query, params) =>
      (await client.unsafe(`explain ${query}`, bound(params))).map((row) => String(row["QUERY PLAN"])),
    migrate: (folder) => migrateFolder(client, folder),
    async lock(table) {
      const holder = await client.reserve();
      await holder`begin`;
      await holder.unsafe(`lock table ${table} in access exclusive mode`);
      return async () => {
        await holder`rollback`;
        holder.release();
      };
    },
    close: () => client.end(),
  };
}
