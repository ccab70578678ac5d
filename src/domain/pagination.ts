import type { NewestFirstKey, PageRequest } from "../db/contract.ts";
import { InvalidInput } from "./errors.ts";
import { parseId } from "./ids.ts";

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/**
 * How many items a list argument `first` asks for: null and absent alike mean the default. The one
 * reading of `first`, shared by the resolvers and the cost limit, so that a query is costed at
 * exactly the page size it will be served.
 */
export function pageSize(first: number | null | undefined): number {
  return first ?? DEFAULT_PAGE_SIZE;
}

/** A Relay-style page. `totalCount` is a function so that it is only counted when a client selects it. */
export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  nodes: Node[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * Per-request reads of whole lists and their counts, so that aliases cannot multiply the work: the
 * same count asked for twice is read once, and pages of one list from one place asked for in the
 * same tick under several sizes are read once, at the largest size, the others being its first rows.
 */
export interface RequestMemo {
  memo<T>(key: string, work: () => Promise<T>): Promise<T>;
  page<Row, Key>(list: string, request: PageRequest<Key>, read: (request: PageRequest<Key>) => Promise<Row[]>): Promise<Row[]>;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * Turns a row's sort key into an opaque cursor and back. A cursor carries the list's tag, so one
 * taken from another list is refused rather than misread.
 */
export interface CursorCodec<Row, Key> {
  encode(row: Row): string;
  decode(cursor: string): Key | undefined;
}

export function cursorCodec<Row, Key>(
  tag: string,
  keyParts: (row: Row) => string,
  parseParts: (parts: string) => Key | undefined,
): CursorCodec<Row, Key> {
  const prefix = `${tag}:`;
  return {
    encode: (row) => Buffer.from(prefix + keyParts(row)).toString("base64url"),
    decode(cursor) {
      const text = Buffer.from(cursor, "base64url").toString();
      return text.startsWith(prefix) ? parseParts(text.slice(prefix.length)) : undefined;
    },
  };
}

/** Timestamps both engines store and ISO-8601 writes plainly: the years 1 to 9999. */
const TIMESTAMP_RANGE = { min: Date.parse("0001-01-01T00:00:00.000Z"), max: Date.parse("9999-12-31T23:59:59.999Z") };

/** A cursor for a newest-first list: the timestamp in milliseconds, then the id that breaks ties. */
export function newestFirstCursor<Row>(tag: string, keyOf: (row: Row) => NewestFirstKey): CursorCodec<Row, NewestFirstKey> {
  return cursorCodec<Row, NewestFirstKey>(
    tag,
    (row) => {
      const { timestamp, id } = keyOf(row);
      return `${timestamp.getTime()}:${id}`;
    },
    (parts) => {
      const match = /^(-?\d{1,15}):(\d{1,10})$/.exec(parts);
      const ms = Number(match?.[1]);
      const id = match ? parseId(match[2]!) : undefined;
      if (id === undefined || ms < TIMESTAMP_RANGE.min || ms > TIMESTAMP_RANGE.max) return undefined;
      return { timestamp: new Date(ms), id };
    },
  );
}

/** One user's page of a per-user list (an author's posts, a user's followers), as a batch loader is asked for it. */
export interface UserPageKey {
  userId: number;
  request: PageRequest<NewestFirstKey>;
}

export interface Page<Key> {
  first: number;
  /** What to ask the repository for: one row more than the page shows, to learn if there is a next page. */
  request: PageRequest<Key>;
}

export function readPageArgs<Key>(args: PageArgs, cursor: CursorCodec<never, Key>): Page<Key> {
  const first = pageSize(args.first);
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new InvalidInput("first", `first must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  if (args.after === undefined || args.after === null) return { first, request: { limit: first + 1 } };
  const after = cursor.decode(args.after);
  if (after === undefined) throw new InvalidInput("after", "after is not a cursor from this list.");
  return { first, request: { limit: first + 1, after } };
}

export function toConnection<Row>(
  rows: Row[],
  page: Page<unknown>,
  cursor: CursorCodec<Row, unknown>,
  totalCount: () => Promise<number>,
): Connection<Row> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: cursor.encode(node), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      // Lists are paged forward only: as the Relay spec allows, there is never a previous page to tell of.
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
