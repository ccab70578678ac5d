// A frontend's session with Apollo Client 4, set up as the README says, against the listening server:
// what a normalized cache does with our ids, payloads and connections.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypedDocumentNode } from "@apollo/client";
import { SetContextLink } from "@apollo/client/link/context";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { relayStylePagination } from "@apollo/client/utilities";
import { parse } from "graphql";
import { filter, firstValueFrom } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "../../src/server.ts";
import { graphql } from "../generated/gql.ts";
import type { TypedDocumentString } from "../generated/graphql.ts";
import { testConfig } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";

/** Apollo Client takes parsed documents: the generated typed text, parsed, keeps its types. */
function documentOf<Data, Variables>(document: TypedDocumentString<Data, Variables>): TypedDocumentNode<Data, Variables> {
  return parse(String(document)) as TypedDocumentNode<Data, Variables>;
}

/** The cache setup the README documents: each connection field merges its pages. */
function cache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: { fields: { posts: relayStylePagination(), feed: relayStylePagination(), users: relayStylePagination() } },
      User: { fields: { posts: relayStylePagination(), followers: relayStylePagination(), following: relayStylePagination() } },
    },
  });
}

interface Sent {
  method: string;
  url: string;
}

/** A client of `uri`, signed in with whatever token `token()` holds; every request it sends is kept in `sent`. */
function client(uri: string, token: () => string | undefined, sent: Sent[], links: ApolloLink[] = []) {
  const fetchAndKeep: typeof fetch = (input, init) => {
    sent.push({ method: init?.method ?? "GET", url: String(input) });
    return fetch(input, init);
  };
  const auth = new SetContextLink(({ headers }) => ({
    headers: { ...headers, ...(token() ? { authorization: `Bearer ${token()}` } : {}) },
  }));
  // GET requests carry no content type: this header tells the server's CSRF protection they are not a form's.
  const http = new HttpLink({ uri, fetch: fetchAndKeep, headers: { "apollo-require-preflight": "true" } });
  return new ApolloClient({ link: ApolloLink.from([auth, ...links, http]), cache: cache() });
}

const REGISTER = documentOf(graphql(`
  mutation ApolloClientRegister($input: RegisterInput!) {
    register(input: $input) { token user { id username } }
  }
`));
const CREATE_POST = documentOf(graphql(`
  mutation ApolloClientCreatePost($body: String!) { createPost(body: $body) { id body } }
`));
const PROFILE = documentOf(graphql(`
  query ApolloClientProfile($username: String!) { user(username: $username) { id username followerCount postCount } }
`));
const ME = documentOf(graphql(`
  query ApolloClientMe { me { id username followingCount } }
`));
const FOLLOW = documentOf(graphql(`
  mutation ApolloClientFollow($username: String!) {
    follow(username: $username) { user { id followerCount } viewer { id followingCount } }
  }
`));
const FEED = documentOf(graphql(`
  query ApolloClientFeed($first: Int, $after: String) {
    feed(first: $first, after: $after) { edges { cursor node { id body } } pageInfo { hasNextPage endCursor } }
  }
`));
const DELETE_POST = documentOf(graphql(`
  mutation ApolloClientDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId author { id postCount } } }
`));
const EXPLORE = documentOf(graphql(`
  query ApolloClientExplore { posts(first: 5) { edges { node { id body } } } }
`));

describe.each(engines)("an Apollo Client session on %s", (engine) => {
  let server: Server;
  let destroy: () => Promise<void>;
  let uri: string;

  beforeAll(async () => {
    const migrated = await migratedDatabase(engine);
    destroy = migrated.destroy;
    server = await createServer({ config: testConfig(), database: migrated.database });
    await server.app.listen({ host: "127.0.0.1", port: 0 });
    uri = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await server?.app.close();
    await destroy?.();
  });

  it("when a reader registers, follows, pages the feed and an author deletes a post, then the cache follows from the payloads alone", async () => {
    const tokens: Record<string, string> = {};
    const sent: Sent[] = [];
    const as = (name: string) => client(uri, () => tokens[name], sent);
    const alice = as("alice");
    const bob = as("bob");
    for (const [name, app] of [["alice", alice], ["bob", bob]] as const) {
      const { data } = await app.mutate({
        mutation: REGISTER,
        variables: { input: { username: name, email: `${name}@example.com`, password: "correct horse" } },
      });
      tokens[name] = data!.register.token;
    }
    const posted: string[] = [];
    for (let i = 0; i < 25; i++) posted.push((await alice.mutate({ mutation: CREATE_POST, variables: { body: `post ${i}` } })).data!.createPost.id);

    // Bob sees Alice's profile and his own, then follows her: both counts change in the cache, unasked.
    await bob.query({ query: PROFILE, variables: { username: "alice" } });
    await bob.query({ query: ME });
    const before = sent.length;
    await bob.mutate({ mutation: FOLLOW, variables: { username: "alice" } });
    expect(sent.length - before).toBe(1);
    expect(bob.readQuery({ query: PROFILE, variables: { username: "alice" } })).toMatchObject({ user: { followerCount: 1, postCount: 25 } });
    expect(bob.readQuery({ query: ME })).toMatchObject({ me: { followingCount: 1 } });

    // The feed, ten at a time: each page is appended to what the cache holds.
    const feed = bob.watchQuery({ query: FEED, variables: { first: 10 } });
    const watching = feed.subscribe(() => {});
    const first = await firstValueFrom(feed.pipe(filter((result) => result.dataState === "complete")));
    expect(first.data?.feed.edges).toHaveLength(10);
    await feed.fetchMore({ variables: { after: first.data?.feed.pageInfo.endCursor } });
    const merged = bob.readQuery({ query: FEED, variables: { first: 10 } });
    expect(merged?.feed.edges.map((edge) => edge.node.id)).toEqual([...posted].reverse().slice(0, 20));

    // Alice deletes her newest post: her client evicts it by the payload's id, and takes her new count
    // from the payload's author; her cached feed and profile change without a refetch.
    await alice.query({ query: PROFILE, variables: { username: "alice" } });
    const hers = alice.watchQuery({ query: FEED, variables: { first: 10 } });
    const watchingHers = hers.subscribe(() => {});
    const page = await firstValueFrom(hers.pipe(filter((result) => result.dataState === "complete")));
    await hers.fetchMore({ variables: { after: page.data?.feed.pageInfo.endCursor } });
    const newest = posted.at(-1)!;
    const sentBefore = sent.length;
    await alice.mutate({
      mutation: DELETE_POST,
      variables: { id: newest },
      update(cache, { data }) {
        if (!data) return;
        cache.evict({ id: cache.identify({ __typename: "Post", id: data.deletePost.deletedPostId }) });
        cache.gc();
      },
    });
    expect(sent.length - sentBefore).toBe(1);
    const left = alice.readQuery({ query: FEED, variables: { first: 10 } });
    expect(left?.feed.edges.map((edge) => edge.node.id)).toEqual([...posted].reverse().slice(1, 20));
    expect(alice.readQuery({ query: PROFILE, variables: { username: "alice" } })?.user?.postCount).toBe(24);
    watching.unsubscribe();
    watchingHers.unsubscribe();
  });

  it("when persisted queries are sent as GET, then the second time the hash alone is sent, over GET, and answered", async () => {
    const sent: Sent[] = [];
    const sha256 = (query: string) => createHash("sha256").update(query).digest("hex");
    const app = client(uri, () => undefined, sent, [new PersistedQueryLink({ sha256, useGETForHashedQueries: true })]);
    await app.query({ query: EXPLORE, fetchPolicy: "network-only" });
    sent.length = 0;
    const { data } = await app.query({ query: EXPLORE, fetchPolicy: "network-only" });
    expect(data?.posts.edges.length).toBeGreaterThan(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("GET");
    const url = new URL(sent[0]!.url);
    expect(url.searchParams.get("query")).toBeNull();
    expect(JSON.parse(url.searchParams.get("extensions")!)).toMatchObject({ persistedQuery: { version: 1, sha256Hash: expect.any(String) } });
  });
});
