// The peer `npm run bench -- --peers` measures beside the API: PostGraphile 4 (bench/postgraphile,
// installed on its own since it needs graphql 15), serving the same PostgreSQL database, asked the
// equivalent of the explore page, a profile and the users page.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Request } from "./measure.ts";
import { BENCH_USER, type OperationName } from "./operations.ts";

const folder = fileURLToPath(new URL("postgraphile/", import.meta.url));

export const PEER_NAME = `PostGraphile ${JSON.parse(readFileSync(`${folder}package.json`, "utf8")).dependencies.postgraphile}`;

/** Installs the peer's packages from its own lockfile when they are not there yet. */
export function installPeer(log: (line: string) => void): void {
  if (existsSync(`${folder}node_modules/postgraphile/package.json`)) return;
  log(`installing ${PEER_NAME} (bench/postgraphile)`);
  execFileSync("npm", ["ci", "--prefix", folder, "--no-audit", "--no-fund"], { stdio: "inherit" });
}

interface PeerOperation {
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with the bench user's token, which the peer looks up as we do (bench/postgraphile/server.mjs). */
  signedIn?: boolean;
  /** What must match our answer (the same rows; PostGraphile writes timestamps its own way). */
  comparable(data: any): unknown;
}

/** Our answers reduced to what the peer's must match. */
export const OURS_COMPARABLE: Partial<Record<OperationName, (data: any) => unknown>> = {
  explore: (data) => data.posts.nodes.map((post: any) => [post.body, post.author.username, post.author.avatar]),
  profile: ({ user }) => [user.aboutMe, user.followerCount, user.followingCount, user.postCount, user.posts.nodes.map((post: any) => post.body)],
  users: (data) => data.users.nodes.map((user: any) => [user.username, user.followerCount, user.followingCount, user.postCount, user.viewerIsFollowing]),
};

export const PEER_OPERATIONS: Partial<Record<OperationName, PeerOperation>> = {
  explore: {
    query: `query Explore { allPosts(first: 20, orderBy: [TIMESTAMP_DESC, ID_DESC]) { nodes { id body timestamp userByUserId { username avatar } } } }`,
    comparable: (data) => data.allPosts.nodes.map((post: any) => [post.body, post.userByUserId.username, post.userByUserId.avatar]),
  },
  profile: {
    query: `query Profile($username: String!) {
      userByUsername(username: $username) {
        aboutMe followerCount followingCount postCount
        postsByUserId(first: 10, orderBy: [TIMESTAMP_DESC, ID_DESC]) { nodes { body timestamp } }
      }
    }`,
    variables: { username: BENCH_USER },
    comparable: ({ userByUsername: user }) => [
      user.aboutMe,
      user.followerCount,
      user.followingCount,
      user.postCount,
      user.postsByUserId.nodes.map((post: any) => post.body),
    ],
  },
  users: {
    query: `query Users { allUsers(first: 20, orderBy: USERNAME_KEY_ASC) { nodes { username followerCount followingCount postCount viewerIsFollowing } } }`,
    signedIn: true,
    comparable: (data) => data.allUsers.nodes.map((user: any) => [user.username, user.followerCount, user.followingCount, user.postCount, user.viewerIsFollowing]),
  },
};

/** The request for the peer, with the bench user's token when signed in. */
export function peerRequest(operation: PeerOperation, token: string): Request {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", ...(operation.signedIn ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
  };
}
