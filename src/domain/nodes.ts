import type { MessageRow, PostRow, TaskRow, UserRow, UserSummaryRow } from "../db/contract.ts";
import { InvalidInput } from "./errors.ts";
import { isNodeType, parseGlobalId, type NodeType } from "./ids.ts";

/** At most this many ids in one `nodes` request. */
export const MAX_NODE_IDS = 100;

/** Any object a global id can name. */
/** A user found by id is its summary (the User resolvers read the rest when asked). */
export type NodeRow = UserRow | UserSummaryRow | PostRow | MessageRow | TaskRow;

/**
 * The per-request batch loaders objects are read through by id (see src/graphql/loaders.ts); a
 * message's finds it only for its sender and recipient, a task's only for its owner.
 */
export type NodeLoaders = Record<NodeType, { load(id: number): Promise<NodeRow | undefined> }>;

/** Objects by their global ids: what a client cache refetches a record with. */
export function createNodesService() {
  /** Null for an id that is not one of ours, or names nothing. */
  async function node(id: string, loaders: NodeLoaders): Promise<NodeRow | null> {
    const named = parseGlobalId(id);
    return named && isNodeType(named.type) ? ((await loaders[named.type].load(named.id)) ?? null) : null;
  }

  return {
    node,

    /** In the order asked, null where there is nothing; the ids of one type are read in one batch. */
    async nodes(ids: readonly string[], loaders: NodeLoaders): Promise<(NodeRow | null)[]> {
      if (ids.length > MAX_NODE_IDS) throw new InvalidInput("ids", `ids may name at most ${MAX_NODE_IDS} objects.`);
      return Promise.all(ids.map((id) => node(id, loaders)));
    },
  };
}

export type NodesService = ReturnType<typeof createNodesService>;
