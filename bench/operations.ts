/** The operations the benchmark drives, as a frontend would send them. Tests assert their statement counts. */
export interface BenchOperation {
  name: string;
  /** What it stands for, in the results table. */
  title: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with the bench user's token. */
  signedIn: boolean;
}

export const EXPLORE = `query Explore { posts(first: 20) { nodes { id body timestamp author { username avatar } } } }`;

export const FEED = `query Feed($after: String) {
  feed(first: 20, after: $after) { nodes { id body timestamp author { username avatar } } pageInfo { endCursor hasNextPage } }
}`;

export const PROFILE = `query Profile($username: String!) {
  user(username: $username) { aboutMe followerCount followingCount postCount posts(first: 10) { nodes { body timestamp } } }
}`;

export const USERS = `query Users { users(first: 20) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }`;

export const CREATE_POST = `mutation CreatePost($body: String!) { createPost(body: $body) { id timestamp } }`;

/**
 * The most expensive operations the default limits allow (MAX_COST 20,000, 15 aliases, depth 10,
 * first ≤ 100), as an attacker would send them: `npm run bench -- --worst` times each. `signedIn`
 * ones are sent by an account that follows MAX_FOLLOWING (5,000) of the most prolific users. Tests
 * check that each is allowed at the defaults, and that `grown` (one notch more) is refused.
 */
export interface WorstOperation extends BenchOperation {
  grown: string;
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
