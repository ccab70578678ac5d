import { createHash } from "node:crypto";
import type { PostRow, PublishedKey, RelevanceKey, Repositories, ScoredPostRow, SearchQuery, UserSummaryRow } from "../db/contract.ts";
import { checkAll, InputErrors, InvalidInput } from "./errors.ts";
import { parseId } from "./ids.ts";
import { cursorCodec, readPageArgs, toConnection, type Connection, type CursorCodec, type PageArgs, type RequestMemo } from "./pagination.ts";
import { parseSearchQuery } from "./search-query.ts";
import { isPossibleUsername } from "./users.ts";

export type PostSearchOrder = "RELEVANCE" | "NEWEST";

export interface SearchPostsArgs extends PageArgs {
  query: string;
  order?: PostSearchOrder | null;
}

export interface SearchUsersArgs {
  prefix: string;
  first?: number | null;
}

const USER_PREFIX = { min: 1, max: 64 };
const USER_MATCHES = { default: 10, min: 1, max: 50 };

/**
 * What a search's cursors are tagged with: its order and a digest of its query, so that a cursor from
 * one search is refused by another rather than misread. Case is not part of a query.
 */
function searchTag(order: PostSearchOrder, query: SearchQuery): string {
  const digest = createHash("sha256").update(JSON.stringify(query).toLowerCase()).digest("base64url").slice(0, 16);
  return `search:${order}:${digest}`;
}

/** Best match first: the score (as the engine computed it: a cursor is read back by the same engine), then the id. */
function relevanceCursor(tag: string): CursorCodec<ScoredPostRow, RelevanceKey> {
  return cursorCodec<ScoredPostRow, RelevanceKey>(
    tag,
    (post) => `${post.score}:${post.id}`,
    (parts) => {
      const match = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?):(\d{1,10})$/i.exec(parts);
      const id = match ? parseId(match[2]!) : undefined;
      const score = Number(match?.[1]);
      return id === undefined || !Number.isFinite(score) ? undefined : { score, id };
    },
  );
}

/** Newest first, in the order posts were published: the id. */
function newestCursor(tag: string): CursorCodec<PostRow, PublishedKey> {
  return cursorCodec<PostRow, PublishedKey>(
    tag,
    (post) => `${post.id}`,
    (parts) => {
      const id = /^\d{1,10}$/.test(parts) ? parseId(parts) : undefined;
      return id === undefined ? undefined : { id };
    },
  );
}

export function createSearchService(repos: Repositories) {
  /** The query read, and the page asked for: every field at fault reported at once. */
  function readSearch<Row, Key>(args: SearchPostsArgs, order: PostSearchOrder, codec: (tag: string) => CursorCodec<Row, Key>) {
    const errors = new InputErrors();
    const query = errors.check(() => parseSearchQuery(args.query));
    const tag = query ? searchTag(order, query) : "";
    const cursor = codec(tag);
    // A cursor can be checked only against a query that was read; without one, `first` still is.
    const page = errors.check(() => readPageArgs(query ? args : { first: args.first }, cursor));
    errors.throwIfAny();
    return { query: query!, tag, page: page!, cursor };
  }

  return {
    /** Posts matching a query typed into a search box, best match (or newest) first. */
    async posts(args: SearchPostsArgs, request: RequestMemo): Promise<Connection<PostRow>> {
      const order = args.order ?? "RELEVANCE";
      const count = (query: SearchQuery, tag: string) => () =>
        request.memo(`${tag}:count`, () => repos.posts.searchCount(query));
      if (order === "NEWEST") {
        const { query, tag, page, cursor } = readSearch(args, order, newestCursor);
        const rows = await request.page(tag, page.request, (read) => repos.posts.searchByNewest(query, read));
        return toConnection(rows, page, cursor, count(query, tag));
      }
      const { query, tag, page, cursor } = readSearch(args, order, relevanceCursor);
      const rows = await request.page(tag, page.request, (read) => repos.posts.searchByRelevance(query, read));
      return toConnection(rows, page, cursor, count(query, tag));
    },

    /** Users whose username starts with the prefix, ignoring case, by username: for @-mention completion. */
    async users({ prefix, first }: SearchUsersArgs): Promise<UserSummaryRow[]> {
      const { limit } = checkAll({
        prefix: () => {
          const length = [...prefix].length;
          if (length < USER_PREFIX.min || length > USER_PREFIX.max) {
            throw new InvalidInput("prefix", `prefix must be ${USER_PREFIX.min} to ${USER_PREFIX.max} characters.`);
          }
        },
        limit: () => {
          const limit = first ?? USER_MATCHES.default;
          if (!Number.isInteger(limit) || limit < USER_MATCHES.min || limit > USER_MATCHES.max) {
            throw new InvalidInput("first", `first must be between ${USER_MATCHES.min} and ${USER_MATCHES.max}.`);
          }
          return limit;
        },
      });
      // No username holds a character that usernames may not: nothing to look up.
      if (!isPossibleUsername(prefix)) return [];
      return repos.users.byUsernamePrefix(prefix, limit);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
