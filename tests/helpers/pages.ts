import { expect } from "vitest";
import type { Document, GraphQLResponse, OperationOptions, TestApi } from "./api.ts";

/** A Relay connection as the walk reads it. */
interface Page<Node> {
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The variables a walked query takes besides `$first` and `$after`. */
type OtherVariables<Variables> = Omit<Variables, "first" | "after">;

export interface WalkOptions<Data, Variables, Node> extends Omit<OperationOptions<OtherVariables<Variables>>, "variables"> {
  variables?: OtherVariables<Variables>;
  /** The connection in the response's data. */
  connection: (data: Data) => Page<Node>;
  first: number;
  pick: (node: Node) => string;
}

/**
 * Follows `endCursor` from the first page to the last of a connection whose query takes `$first`
 * and `$after`, collecting what each page held.
 */
export async function walk<Data, Variables extends { first?: number | null; after?: string | null }, Node>(
  api: TestApi,
  document: Document<Data, Variables>,
  { connection, first, pick, variables, ...options }: WalkOptions<Data, Variables, Node>,
): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const pageVariables = { ...variables, first, after } as Variables;
    const response: GraphQLResponse<Data> = await api.gql(document, { ...options, variables: pageVariables });
    expect(response.errors).toBeUndefined();
    const page = connection(response.data!);
    seen.push(...page.nodes.map(pick));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}
