// The operations the benchmark drives, as a frontend would send them: the one table that the runner,
// the report and the tests (tests/bench/operations.test.ts) read.
import { graphql } from "../tests/generated/gql.ts";
import type { TypedDocumentString } from "../tests/generated/graphql.ts";
import { SEARCH_WORDS } from "../src/seed/dataset.ts";
import { graphql as graphqlRequest, type Request } from "./measure.ts";

/** The reader of the feed (follows 50 others) and the profile shown: the most prolific seeded user. */
export const BENCH_USER = "user1";
const POST_BODY = "Benchmarking, one post at a time.";

export const LOGIN = graphql(`mutation BenchLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);

export const REGISTER = graphql(`mutation BenchRegister($input: RegisterInput!) { register(input: $input) { token user { id } } }`);

export const EXPLORE = graphql(`query Explore { posts(first: 20) { nodes { id body timestamp author { username avatar } } } }`);

export const FEED = graphql(`query Feed($after: String) {
  feed(first: 20, after: $after) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }
}`);

export const PROFILE = graphql(`query Profile($username: String!) {
  user(username: $username) { aboutMe followerCount followingCount postCount posts(first: 10) { nodes { body timestamp } } }
}`);

export const USERS = graphql(`query Users { users(first: 20) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }`);

export const SEARCH_POSTS = graphql(`query SearchPostsPage($query: String!, $order: PostSearchOrder!) {
  searchPosts(query: $query, order: $order, first: 20) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }
}`);

export const SEARCH_USERS = graphql(`query MentionCompletion($prefix: String!) { searchUsers(prefix: $prefix, first: 10) { username avatar } }`);

/** What the user searches type: a prefix that a few dozen seeded usernames start with (user12, user120 …). */
export const MENTION_PREFIX = "user12";

export const INBOX = graphql(`query Inbox {
  messages(first: 20) { nodes { id body timestamp sender { username avatar } } pageInfo { endCursor hasNextPage } }
}`);

export const SEND_MESSAGE = graphql(`mutation SendMessage($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id timestamp } }`);

/** Who writes to the bench user before a run, so that their inbox holds a page (and whom the bench user writes to). */
export const PEN_PAL = "user2";
/** How many messages the pen pal sends the bench user: more than a page, within the default rate limit (30 a minute). */
export const INBOX_MESSAGES = 25;

export const CREATE_POST = graphql(`mutation CreatePost($body: String!) { createPost(body: $body) { id timestamp } }`);

/** What a run learns before it measures: the cursor that ends a deep page of the bench user's feed. */
export interface Fixtures {
  deepCursor: string;
}

export type OperationName =
  | "explore"
  | "feed"
  | "feedDeep"
  | "profile"
  | "users"
  | "searchRare"
  | "searchRareNewest"
  | "searchCommon"
  | "searchCommonNewest"
  | "searchUsers"
  | "messages"
  | "createPost"
  | "sendMessage";

export interface BenchOperation {
  name: OperationName;
  /** What it stands for, in the results table. */
  title: string;
  /** Sent with the bench user's token. */
  signedIn: boolean;
  /** The SQL statements it costs, the token lookup included: the report shows them, a test holds them. */
  statements: number;
  /**
   * How much slower it may be at 1M posts than at 10k (the growth check); none where the work grows
   * with the data by its nature (ranking every match of a common word).
   */
  growthTarget?: number;
  /**
   * Heavy for the server's cost limit (a relevance-ordered search): it runs one at a time in an
   * instance, so it is driven by one client, since ten would queue past the response deadline.
   */
  heavy?: boolean;
  /** The raw baseline's path that answers the very same JSON; none for a write. */
  baseline?: (fixtures: Fixtures) => string;
  /** The document's text. */
  query: string;
  variables(fixtures: Fixtures): Record<string, unknown>;
  /** The HTTP request that sends it, with the bench user's token when signed in. */
  request(fixtures: Fixtures, token: string): Request;
}

/** A row of the table, its variables checked against its document. */
function operation<Data, Variables extends Record<string, unknown>>(
  row: Omit<BenchOperation, "query" | "variables" | "request"> & {
    document: TypedDocumentString<Data, Variables>;
    variables: (fixtures: Fixtures) => Variables;
  },
): BenchOperation {
  const { document, variables, ...rest } = row;
  return {
    ...rest,
    query: String(document),
    variables,
    request: (fixtures, token) => graphqlRequest(document, variables(fixtures), row.signedIn ? token : undefined),
  };
}

export const OPERATIONS: Record<OperationName, BenchOperation> = {
  // posts page, their authors
  explore: operation({
    name: "explore",
    growthTarget: 1.5,
    title: "1. explore: 20 posts with authors",
    document: EXPLORE,
    variables: () => ({}),
    signedIn: false,
    statements: 2,
    baseline: () => "/explore",
  }),
  // token, feed page, their authors; as many deep in the feed as at its top
  feed: operation({
    name: "feed",
    growthTarget: 1.5,
    title: "2. feed, first page",
    document: FEED,
    variables: () => ({}),
    signedIn: true,
    statements: 3,
    baseline: () => "/feed",
  }),
  feedDeep: operation({
    name: "feedDeep",
    title: "2. feed, deep page",
    document: FEED,
    variables: ({ deepCursor }) => ({ after: deepCursor }),
    signedIn: true,
    statements: 3,
    baseline: ({ deepCursor }) => `/feed?after=${encodeURIComponent(deepCursor)}`,
  }),
  // the user (with their counts), their posts
  profile: operation({
    name: "profile",
    growthTarget: 1.5,
    title: "3. profile with counts and 10 posts",
    document: PROFILE,
    variables: () => ({ username: BENCH_USER }),
    signedIn: false,
    statements: 2,
    baseline: () => `/profile?username=${BENCH_USER}`,
  }),
  // token, users page (with their counts), the viewer's follows among them
  users: operation({
    name: "users",
    title: "4. 20 users with counts, viewerIsFollowing",
    document: USERS,
    variables: () => ({}),
    signedIn: true,
    statements: 3,
    baseline: () => "/users",
  }),
  // token, the insert (the author's post count is the database's trigger, in the same statement)
  createPost: operation({
    name: "createPost",
    title: "5. createPost",
    document: CREATE_POST,
    variables: () => ({ body: POST_BODY }),
    signedIn: true,
    statements: 2,
  }),
  // token, the inbox page, the senders
  messages: operation({
    name: "messages",
    title: "8. messages: the inbox, 20 with their senders",
    document: INBOX,
    variables: () => ({}),
    signedIn: true,
    statements: 3,
    baseline: () => "/messages",
  }),
  // token, the recipient; then one transaction: the recipient's unread count, the message, and the
  // recipient's unread-messages notification replaced by a new one
  sendMessage: operation({
    name: "sendMessage",
    title: "9. sendMessage",
    document: SEND_MESSAGE,
    variables: () => ({ to: PEN_PAL, body: POST_BODY }),
    signedIn: true,
    statements: 6,
  }),
  // the page of matches, their authors
  ...searchOperations(),
  // the range of usernames
  searchUsers: operation({
    name: "searchUsers",
    growthTarget: 1.5,
    title: "7. searchUsers: 10 usernames by prefix",
    document: SEARCH_USERS,
    variables: () => ({ prefix: MENTION_PREFIX }),
    signedIn: false,
    statements: 1,
    baseline: () => `/search-users?prefix=${MENTION_PREFIX}`,
  }),
};

/** searchPosts for a rare word and for the most common one (in a third of the posts), in both orders. */
function searchOperations() {
  const search = (name: OperationName, word: keyof typeof SEARCH_WORDS, order: "RELEVANCE" | "NEWEST", growthTarget?: number) =>
    operation({
      name,
      growthTarget,
      heavy: order === "RELEVANCE",
      title: `6. searchPosts, ${word} word ("${SEARCH_WORDS[word]}"), ${order === "NEWEST" ? "newest" : "best"} first`,
      document: SEARCH_POSTS,
      variables: () => ({ query: SEARCH_WORDS[word], order }),
      signedIn: false,
      statements: 2,
      baseline: () => `/search?word=${SEARCH_WORDS[word]}&order=${order}`,
    });
  return {
    searchRare: search("searchRare", "rare", "RELEVANCE", 1.5),
    searchRareNewest: search("searchRareNewest", "rare", "NEWEST", 1.5),
    // A relevance ranking must score every match: a third of the posts, for this word.
    searchCommon: search("searchCommon", "common", "RELEVANCE"),
    searchCommonNewest: search("searchCommonNewest", "common", "NEWEST", 3),
  };
}

/**
 * The most expensive operations the default limits allow (MAX_COST 20,000, 15 aliases, depth 10,
 * first ≤ 100), as an attacker would send them: `npm run bench -- --worst` times each. `signedIn`
 * ones are sent by an account that follows MAX_FOLLOWING (5,000) of the most prolific users. Tests
 * check that each is allowed at the defaults, and that `grown` (one notch more) is refused.
 */
export interface WorstOperation {
  name: string;
  title: string;
  /** Built from parts, so a plain string: what it selects is checked by the tests that run it. */
  query: string;
  /** One notch more: refused. */
  grown: string;
  signedIn: boolean;
}

/** `count` aliases of `field`, the i-th with `first` set to `first(i)` so that none is the same list as another. */
function aliased(count: number, field: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join("\n  ");
}

const FEED_AUTHOR = "username aboutMe avatar followerCount followingCount postCount isViewer viewerIsFollowing";
const feedPage = (first: number, authorFields = FEED_AUTHOR) =>
  `feed(first: ${first}) { nodes { id body timestamp author { ${authorFields} } } }`;
const feedPages = (pages: number, authorFields?: string) =>
  `{\n  count: feed(first: 0) { totalCount }\n  ${aliased(pages, (i) => feedPage(100 - i, authorFields))}\n}`;
const followerLists = (first: number) => `{ users(first: 100) { nodes { username followers(first: ${first}) { nodes { username } } } } }`;
const fanOut = (first: number) =>
  `{ user(username: "user1") { followers(first: ${first}) { nodes { following(first: ${first}) { nodes { posts(first: ${first}) { nodes { id body } } } } } } } }`;
const explorePages = (pages: number) =>
  `{\n  users(first: 0) { totalCount }\n  ${aliased(pages, (i) => `posts(first: ${100 - i}) { totalCount nodes { id body timestamp author { username aboutMe } } }`)}\n}`;

export const WORST: WorstOperation[] = [
  {
    name: "feeds",
    title: "the feed's totalCount and 7 feed pages of 94–100 posts with their authors, for a reader following 5,000 users",
    query: feedPages(7),
    grown: feedPages(7, `${FEED_AUTHOR} lastSeen`),
    signedIn: true,
  },
  {
    name: "followerLists",
    title: "100 users with 48 followers each",
    query: followerLists(48),
    grown: followerLists(49),
    signedIn: false,
  },
  {
    name: "fanOut",
    title: "user1's followers × whom they follow × their posts, 14 of each (2,744 posts)",
    query: fanOut(14),
    grown: fanOut(15),
    signedIn: false,
  },
  {
    name: "counts",
    title: "the users' and the posts' totalCount with 5 explore pages of 96–100 posts",
    query: explorePages(5),
    grown: explorePages(6),
    signedIn: false,
  },
];
