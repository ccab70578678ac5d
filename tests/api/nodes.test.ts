import { describe, expect, it } from "vitest";
import { globalId } from "../../src/domain/ids.ts";
import { graphql } from "../generated/gql.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser } from "../helpers/factories.ts";

const NODE = graphql(`query NodesNode($id: ID!) {
  node(id: $id) { __typename id ... on User { username } ... on Post { body } }
}`);
const NODES = graphql(`query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`);
const POST = graphql(`query NodesPost($id: ID!) { post(id: $id) { id } }`);
const DELETE = graphql(`mutation NodesDeletePost($id: ID!) { deletePost(id: $id) { deletedPostId } }`);
const PAGE = graphql(`query NodesPage($first: Int, $after: String) {
  posts(first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`);

describe.each(engines)("global object identification on %s", (engine) => {
  const api = useTestApi(engine);

  it("when a user and a post have the same row id, then their ids differ, are opaque, and node() finds each by its own", async () => {
    const user = await registerUser(api);
    const post = await createPost(api, user.token, "hello");
    expect(user.id).toBe(globalId("User", user.rowId));
    expect(user.id).not.toMatch(/^\d+$/);
    expect(post.id).not.toBe(user.id);
    expect((await api.gql(NODE, { variables: { id: user.id } })).data!.node).toEqual({ __typename: "User", id: user.id, username: user.username });
    expect((await api.gql(NODE, { variables: { id: post.id } })).data!.node).toEqual({ __typename: "Post", id: post.id, body: "hello" });
    // The same row number under the other type is another object (or none), never this one.
    expect(globalId("Post", user.rowId)).not.toBe(user.id);
  });

  it.each(["", "1", "not an id", "VXNlcjo", "VXNlcjo5OTk5OTk5", "VXNlcjox=", "QWxpZW46MQ", "VXNlcjowMQ", "a".repeat(1_000)])(
    "when node() is given %j, which names nothing of ours, then null",
    async (id) => {
      const response = await api.gql(NODE, { variables: { id } });
      expect(response.errors).toBeUndefined();
      expect(response.data!.node).toBeNull();
    },
  );

  it("when a user's id is given to post() or deletePost, then it is not found: null, NOT_FOUND", async () => {
    const user = await registerUser(api);
    await createPost(api, user.token, "mine");
    expect((await api.gql(POST, { variables: { id: user.id } })).data!.post).toBeNull();
    const deleted = await api.gql(DELETE, { variables: { id: user.id }, token: user.token });
    expect(deleted.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("when nodes() is given ids of both types, unknown ones and repeats, then it answers in the order asked, null where nothing, in one statement per type", async () => {
    const [a, b] = [await registerUser(api), await registerUser(api)];
    const post = await createPost(api, a.token, "one");
    const ids = [post.id, a.id, "nonsense", b.id, a.id, globalId("Post", 999_999)];
    const response = await api.gql(NODES, { variables: { ids } });
    expect(response.data!.nodes).toEqual([
      { __typename: "Post", id: post.id },
      { __typename: "User", id: a.id },
      null,
      { __typename: "User", id: b.id },
      { __typename: "User", id: a.id },
      null,
    ]);
    expect(await api.countStatements(NODES, { variables: { ids } })).toEqual({ statements: 2, errors: undefined });
  });

  it("when nodes() is given 100 ids, then it answers; 101, then BAD_USER_INPUT on ids", async () => {
    const user = await registerUser(api);
    const hundred = await api.gql(NODES, { variables: { ids: Array.from({ length: 100 }, () => user.id) } });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.nodes).toHaveLength(100);
    const over = await api.gql(NODES, { variables: { ids: Array.from({ length: 101 }, () => user.id) } });
    expect(over.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "ids" });
  });

  it("when a page is read, then PageInfo has startCursor (the first edge's) and hasPreviousPage false; an empty page has no cursors", async () => {
    const user = await registerUser(api);
    for (const body of ["a", "b", "c"]) await createPost(api, user.token, body);
    const first = (await api.gql(PAGE, { variables: { first: 2 } })).data!.posts;
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[1]!.cursor,
    });
    const empty = (await api.gql(PAGE, { variables: { first: 0 } })).data!.posts;
    expect(empty.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});
