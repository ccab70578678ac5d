import { beforeAll, describe, expect, it } from "vitest";
import { globalId } from "../../src/domain/ids.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const cursor = (text: string) => Buffer.from(text).toString("base64url");

// Inputs that one engine takes in its stride and the other chokes on (PostgreSQL refuses NUL bytes,
// ids past 32 bits and dates past the year 9999): each must be a clean 4xx-style answer on both.
describe.each(engines)("hostile input on %s", (engine) => {
  const api = useTestApi(engine);
  let user: RegisteredUser;

  beforeAll(async () => {
    user = await registerUser(api);
    await createPost(api, user.token, "a post");
  });

  it.each([
    ["an id past 32 bits", cursor("post:1000:9999999999")],
    ["a timestamp past the year 9999", cursor("post:999999999999999:1")],
    ["a timestamp before the year 1", cursor("post:-999999999999999:1")],
    ["a NUL byte", cursor("post:1\u0000:1")],
  ])("when a posts cursor holds %s, then BAD_USER_INPUT on after", async (_, after) => {
    for (const query of [
      `query ($after: String) { posts(after: $after) { totalCount } }`,
      `query ($after: String) { user(username: "${user.username}") { posts(after: $after) { totalCount } } }`,
      `query ($after: String) { feed(after: $after) { totalCount } }`,
    ]) {
      const response = await api.gql(query, { variables: { after }, token: user.token });
      expect(response.status).toBe(200);
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    }
  });

  it.each([
    ["a NUL byte", cursor("user:a\u0000b")],
    ["capitals (keys are lowercased)", cursor("user:Alice")],
    ["nothing", cursor("user:")],
  ])("when a users cursor holds %s, then BAD_USER_INPUT on after", async (_, after) => {
    const response = await api.gql(graphql(`query HostileInputUsers ($after: String) { users(after: $after) { totalCount } }`), { variables: { after } });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each([
    ["an id past 32 bits", "1000:9999999999"],
    ["a timestamp past the year 9999", "999999999999999:1"],
    ["a NUL byte", "1\u0000:1"],
  ])("when a follower or following cursor holds %s, then BAD_USER_INPUT on after", async (_, parts) => {
    for (const list of ["followers", "following"]) {
      const response = await api.gql(
        `query ($after: String) { user(username: "${user.username}") { ${list}(after: $after) { totalCount } } }`,
        { variables: { after: cursor(`${list}:${parts}`) } },
      );
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    }
  });

  it.each(["a\u0000b", "x".repeat(10_000), "%", "' or 1=1 --"])("when following or unfollowing %j, then NOT_FOUND", async (username) => {
    for (const mutation of ["follow", "unfollow"]) {
      const response = await api.gql(`mutation ($u: String!) { ${mutation}(username: $u) { user { id } } }`, {
        variables: { u: username },
        token: user.token,
      });
      expect(response.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it.each(["a\u0000b", "x".repeat(10_000), "%", "' or 1=1 --"])("when renaming oneself %j, then BAD_USER_INPUT on username", async (username) => {
    const response = await api.gql(graphql(`mutation HostileInputUpdateProfile ($u: String!) { updateProfile(input: { username: $u }) { username } }`), {
      variables: { u: username },
      token: user.token,
    });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
  });

  it("when a post is dated before 1970, then its cursor still pages on", async () => {
    const old = await api.database.repos.posts.create({
      userId: user.rowId,
      body: "from the sixties",
      timestamp: new Date("1969-07-20T20:17:40.000Z"),
    });
    const first = await api.gql(graphql(`query HostileInputPosts { posts(first: 1) { nodes { id } pageInfo { endCursor } } }`));
    const next = await api.gql(graphql(`query HostileInputPosts2 ($after: String) { posts(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }`), {
      variables: { after: first.data!.posts.pageInfo.endCursor },
    });
    expect(next.data!.posts.nodes).toEqual([{ id: globalId("Post", old.id) }]);
    const last = await api.gql(graphql(`query HostileInputPosts3 ($after: String) { posts(first: 1, after: $after) { nodes { id } } }`), {
      variables: { after: next.data!.posts.pageInfo.endCursor },
    });
    expect(last.errors).toBeUndefined();
    expect(last.data!.posts.nodes).toEqual([]);
  });

  it("when a post body holds a NUL byte or another control character, then BAD_USER_INPUT on body", async () => {
    for (const body of ["a\u0000b", "bell\u0007"]) {
      const response = await api.gql(graphql(`mutation HostileInputCreatePost ($body: String!) { createPost(body: $body) { id } }`), {
        variables: { body },
        token: user.token,
      });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    }
  });

  it("when a post body holds line breaks and tabs, then they are kept", async () => {
    const response = await api.gql(graphql(`mutation HostileInputCreatePost2 ($body: String!) { createPost(body: $body) { body } }`), {
      variables: { body: "line one\n\tline two" },
      token: user.token,
    });
    expect(response.data!.createPost.body).toBe("line one\n\tline two");
  });

  it.each(["a\u0000b", "x".repeat(10_000), "%_%", "' or 1=1 --"])("when looking up the user %j, then null", async (username) => {
    const response = await api.gql(graphql(`query HostileInputUser ($u: String!) { user(username: $u) { id } }`), { variables: { u: username } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.user).toBeNull();
  });
});
