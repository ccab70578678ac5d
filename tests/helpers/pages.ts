import { expect } from "vitest";
import type { GraphQLResponse, OperationOptions, TestApi } from "./api.ts";

export interface WalkOptions extends OperationOptions {
  /** The connection in the response's data; `data[field]` when a string. */
  connection: string | ((data: any) => any);
  first: number;
  pick: (node: any) => string;
}

/**
 * Follows `endCursor` from the first page to the last of a connection whose query takes `$first`
 * and `$after`, collecting what each page held.
 */
export async function walk(api: TestApi, query: string, { connection, first, pick, ...options }: WalkOptions) {
  const connectionOf = typeof connection === "string" ? (data: any) => data[connection] : connection;
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const response: GraphQLResponse = await api.gql(query, { ...options, variables: { ...options.variables, first, after } });
    expect(response.errors).toBeUndefined();
    const page = connectionOf(response.data);
    seen.push(...page.nodes.map(pick));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}
