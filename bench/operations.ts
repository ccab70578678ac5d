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
