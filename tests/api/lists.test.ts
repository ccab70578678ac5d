import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { globalId } from "../../src/domain/ids.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { walk } from "../helpers/pages.ts";
import { graphql } from "../generated/gql.ts";

const EXPLORE = graphql(`query ListsPosts ($first: Int, $after: String) {
  posts(first: $first, after: $after) { edges { cursor node { id body } } nodes { id } pageInfo { hasNextPage endCursor } }
}`);
const USERS = graphql(`query ListsUsers ($first: Int, $after: String) {
  users(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } }
}`);

/** More than the default page of 20. */
const POST_COUNT = 25;

describe.each(engines)("lists on %s", (engine) => {
  const api = useTestApi(engine);
  const authors: RegisteredUser[] = [];
  /** Posts by id, newest first as the explore page must list them. */
  const newestFirst: string[] = [];

  beforeAll(async () => {
    for (const username of ["carol", "Bob", "alice", "dave"]) authors.push(await registerUser(api, { username }));
    // Timestamps set by hand, with ties, so that order by (timestamp desc, id desc) is what is tested.
    const base = Date.UTC(2026, 10, 21, 9, 30);
    const made: { id: number; at: number }[] = [];
    for (let i = 0; i < POST_COUNT; i++) {
      const author = authors[i % authors.length]!;
      const at = base + Math.floor(i / 3) * 1000; // three posts per second: ties within each second
      const row = await api.database.repos.posts.create({
        userId: author.rowId,
        body: `post ${i}`,
        timestamp: new Date(at),
      });
      made.push({ id: row.id, at });
    }
    made.sort((a, b) => b.at - a.at || b.id - a.id);
    newestFirst.push(...made.map((post) => globalId("Post", post.id)));
  });

  describe("posts (explore)", () => {
    it("when paging two at a time, then every post appears once, newest first, ties by id", async () => {
      expect(await walk(api, EXPLORE, { connection: (data) => data.posts, first: 2, pick: (node) => node.id })).toEqual(newestFirst);
    });

    it("when paging past the end, then an empty page with no next page and no end cursor", async () => {
      const all = await api.gql(EXPLORE, { variables: { first: 100 } });
      const last = all.data!.posts.pageInfo.endCursor;
      const response = await api.gql(EXPLORE, { variables: { first: 5, after: last } });
      expect(response.data!.posts).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it("when first is 0, then no nodes, and hasNextPage tells whether there are any", async () => {
      const response = await api.gql(EXPLORE, { variables: { first: 0 } });
      expect(response.data!.posts).toMatchObject({ nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
    });

    it("when first is omitted, then twenty; edges and nodes agree", async () => {
      const response = await api.gql(EXPLORE);
      const { edges, nodes, pageInfo } = response.data!.posts;
      expect(nodes).toHaveLength(20);
      expect(pageInfo.hasNextPage).toBe(true);
      expect(edges.map((edge) => edge.node.id)).toEqual(nodes.map((node) => node.id));
    });

    it.each([-1, 101])("when first is %i, then BAD_USER_INPUT on first", async (first) => {
      const response = await api.gql(EXPLORE, { variables: { first } });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    });

    it("when first is 100, then it is accepted", async () => {
      const response = await api.gql(EXPLORE, { variables: { first: 100 } });
      expect(response.data!.posts.nodes).toHaveLength(POST_COUNT);
    });

    it.each([
      ["garbage", "%%%not a cursor"],
      ["empty", ""],
      ["a cursor of another list", Buffer.from("user:alice").toString("base64url")],
      ["a tampered cursor", Buffer.from("post:12:x").toString("base64url")],
    ])("when after is %s, then BAD_USER_INPUT on after", async (_, after) => {
      const response = await api.gql(EXPLORE, { variables: { after } });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    });

    it("when totalCount is not selected, then it is not counted", async () => {
      const without = await api.countStatements(graphql(`query ListsPosts2 { posts(first: 5) { nodes { id } } }`));
      const withCount = await api.countStatements(graphql(`query ListsPosts3 { posts(first: 5) { totalCount nodes { id } } }`));
      expect(without.statements).toBe(1);
      expect(withCount.statements).toBe(2);
      const response = await api.gql(graphql(`query ListsPosts4 { posts(first: 1) { totalCount } }`));
      expect(response.data!.posts.totalCount).toBe(POST_COUNT);
    });

    it("when a page of posts selects its authors, then two statements whatever the page size", async () => {
      const query = graphql(`query ListsPosts5 ($first: Int) { posts(first: $first) { nodes { body author { username avatar } } } }`);
      const small = await api.countStatements(query, { variables: { first: 1 } });
      const large = await api.countStatements(query, { variables: { first: 20 } });
      expect(small).toEqual({ statements: 2, errors: undefined });
      expect(large).toEqual({ statements: 2, errors: undefined });
    });

    it("when a page's authors select more than a card shows (about-me, lastSeen), then one statement more, whatever the page size, with the same answers", async () => {
      const query = graphql(`query ListsAuthorsBeyondCard ($first: Int) { posts(first: $first) { nodes { author { username aboutMe lastSeen } } } }`);
      const small = await api.countStatements(query, { variables: { first: 1 } });
      const large = await api.countStatements(query, { variables: { first: 20 } });
      // the page, the authors' summaries, the rest of their rows
      expect(small).toEqual({ statements: 3, errors: undefined });
      expect(large).toEqual({ statements: 3, errors: undefined });
      const { data } = await api.gql(query, { variables: { first: 20 } });
      for (const { author } of data!.posts.nodes) {
        const { data: profile } = await api.gql(graphql(`query ListsProfile ($username: String!) { user(username: $username) { username aboutMe lastSeen } }`), {
          variables: { username: author.username },
        });
        expect(author).toEqual(profile!.user);
      }
    });
  });

  describe("users", () => {
    it("when paging, then users come by username ignoring case", async () => {
      const names = await walk(api, USERS, { connection: (data) => data.users, first: 3, pick: (node) => node.username });
      expect(names).toEqual(["alice", "Bob", "carol", "dave"]);
    });

    it("when each user selects posts and counts, then a fixed number of statements whatever the page size", async () => {
      const query = graphql(`query ListsUsers2 ($first: Int) {
        users(first: $first) { totalCount nodes { postCount posts(first: 2) { totalCount nodes { body author { username } } } } }
      }`);
      const one = await api.countStatements(query, { variables: { first: 1 } });
      const all = await api.countStatements(query, { variables: { first: 20 } });
      // users page, users count, posts pages, authors (each user's post count is on their row)
      expect(one).toEqual({ statements: 4, errors: undefined });
      expect(all).toEqual({ statements: 4, errors: undefined });
    });

    it("when a page of users selects their posts, then each gets their own newest posts", async () => {
      const explore = await api.gql(graphql(`query ListsPosts6 { posts(first: 100) { nodes { id timestamp author { username } } } }`));
      const response = await api.gql(
        graphql(`query ListsUsers3 { users(first: 20) { nodes { username posts(first: 2) { nodes { id timestamp author { username } } } } } }`),
      );
      for (const user of response.data!.users.nodes) {
        const expected = explore.data!.posts.nodes.filter((post) => post.author.username === user.username).slice(0, 2);
        expect(user.posts.nodes).toEqual(expected);
      }
      expect(response.data!.users.nodes.filter((user) => user.posts.nodes.length === 2)).toHaveLength(4);
    });

    it("when a user's posts are paged, then they are that user's, newest first, with counts", async () => {
      const query = graphql(`query ListsUser ($after: String) { user(username: "alice") {
        postCount posts(first: 2, after: $after) { totalCount nodes { id author { username } } pageInfo { hasNextPage endCursor } }
      } }`);
      const first = await api.gql(query);
      const { postCount, posts } = first.data!.user!;
      expect(posts.totalCount).toBe(postCount);
      const seen = posts.nodes.map((node) => node.id);
      let after = posts.pageInfo.endCursor;
      while (after) {
        const next = await api.gql(query, { variables: { after } });
        seen.push(...next.data!.user!.posts.nodes.map((node) => node.id));
        after = next.data!.user!.posts.pageInfo.hasNextPage ? next.data!.user!.posts.pageInfo.endCursor : null;
      }
      expect(seen).toHaveLength(postCount);
      const aliceIds = new Set(
        (await api.gql(graphql(`query ListsPosts7 { posts(first: 100) { nodes { id author { username } } } }`))).data!.posts.nodes
          .filter((node) => node.author.username === "alice")
          .map((node) => node.id),
      );
      expect(seen).toEqual(newestFirst.filter((id) => aliceIds.has(id)));
    });
  });

  describe.each([
    ["users", `query ($first: Int, $after: String) { users(first: $first, after: $after) { totalCount } }`],
    ["User.posts", `query ($first: Int, $after: String) { user(username: "alice") { posts(first: $first, after: $after) { totalCount } } }`],
  ])("%s arguments", (_, query) => {
    it.each([-1, 101])("when first is %i, then BAD_USER_INPUT on first", async (first) => {
      const response = await api.gql(query, { variables: { first } });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    });

    it.each(["%%%", Buffer.from("post:1:1").toString("base64url").replace(/^/, "x")])(
      "when after is %j, then BAD_USER_INPUT on after",
      async (after) => {
        const response = await api.gql(query, { variables: { after } });
        expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
      },
    );
  });

  describe("user", () => {
    it("when the username differs in case, then the user is still found", async () => {
      const response = await api.gql(graphql(`query ListsUser2 { user(username: "BOB") { username postCount } }`));
      expect(response.data!.user!).toEqual({ username: "Bob", postCount: 6 });
    });

    it.each(["nobody", "no such user!", ""])("when there is no user %j, then null", async (username) => {
      const response = await api.gql(graphql(`query ListsUser3 ($u: String!) { user(username: $u) { id } }`), { variables: { u: username } });
      expect(response.errors).toBeUndefined();
      expect(response.data!.user).toBeNull();
    });

    it("when a user has no posts, then postCount is 0 and posts is empty", async () => {
      await registerUser(api, { username: "quiet" });
      const response = await api.gql(graphql(`query ListsUser4 { user(username: "quiet") { postCount posts { totalCount nodes { id } } } }`));
      expect(response.data!.user!).toEqual({ postCount: 0, posts: { totalCount: 0, nodes: [] } });
    });
  });

  describe("email and avatar", () => {
    const query = graphql(`query ListsUser5 ($u: String!) { user(username: $u) { email avatar small: avatar(size: 1) large: avatar(size: 2048) } }`);

    it("when the user asks about themself, then they see their email", async () => {
      const carol = authors[0]!;
      const response = await api.gql(query, { variables: { u: "carol" }, token: carol.token });
      expect(response.data!.user!.email).toBe(carol.email);
    });

    it("when someone else or nobody asks, then the email is null", async () => {
      const bob = authors[1]!;
      const other = await api.gql(query, { variables: { u: "carol" }, token: bob.token });
      const anonymous = await api.gql(query, { variables: { u: "carol" } });
      expect(other.data!.user!.email).toBeNull();
      expect(anonymous.data!.user!.email).toBeNull();
    });

    it("when the avatar is asked for, then a Gravatar identicon URL of the lowercased email's md5", async () => {
      const md5 = createHash("md5").update(authors[0]!.email.toLowerCase()).digest("hex");
      const response = await api.gql(query, { variables: { u: "carol" } });
      expect(response.data!.user!).toMatchObject({
        avatar: `https://www.gravatar.com/avatar/${md5}?d=identicon&s=128`,
        small: `https://www.gravatar.com/avatar/${md5}?d=identicon&s=1`,
        large: `https://www.gravatar.com/avatar/${md5}?d=identicon&s=2048`,
      });
    });

    it.each([0, 2049, -5])("when the avatar size is %i, then BAD_USER_INPUT on size", async (size) => {
      const response = await api.gql(graphql(`query ListsUser6 ($s: Int) { user(username: "carol") { avatar(size: $s) } }`), {
        variables: { s: size },
      });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "size" });
    });
  });
});
