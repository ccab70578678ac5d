import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const CREATE = graphql(`mutation PostsCreatePost ($body: String!) { createPost(body: $body) { id body timestamp author { username } } }`);
const AUTHOR_COUNT = graphql(`query PostsAuthorCount($username: String!) { user(username: $username) { postCount } }`);
const DELETE = graphql(`mutation PostsDeletePost ($id: ID!) { deletePost(id: $id) { deletedPostId author { postCount } } }`);
const POST = graphql(`query PostsPost ($id: ID!) { post(id: $id) { id body author { username } } }`);

describe.each(engines)("posts on %s", (engine) => {
  const api = useTestApi(engine);
  let author: RegisteredUser;
  let stranger: RegisteredUser;

  beforeAll(async () => {
    author = await registerUser(api);
    stranger = await registerUser(api);
  });

  describe("createPost", () => {
    it("when signed in, then the post is saved trimmed, stamped now in UTC with milliseconds", async () => {
      const before = Date.now();
      const response = await api.gql(CREATE, { variables: { body: "  hello, world  " }, token: author.token });
      const post = response.data!.createPost;
      expect(post).toMatchObject({ body: "hello, world", author: { username: author.username } });
      expect(post.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(post.timestamp)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(post.timestamp)).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it("when the body is 140 characters (emoji count as one), then it is accepted", async () => {
      const body = "😀".repeat(140);
      const response = await api.gql(CREATE, { variables: { body }, token: author.token });
      expect(response.data!.createPost.body).toBe(body);
    });

    it.each([
      ["empty", ""],
      ["only spaces", "   \n\t "],
      ["141 characters", "x".repeat(141)],
    ])("when the body is %s, then BAD_USER_INPUT on body", async (_, body) => {
      const response = await api.gql(CREATE, { variables: { body }, token: author.token });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    });

    it("when anonymous, then UNAUTHENTICATED and nothing is saved", async () => {
      const before = await api.database.repos.posts.count();
      const response = await api.gql(CREATE, { variables: { body: "sneaky" } });
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(await api.database.repos.posts.count()).toBe(before);
    });
  });

  describe("post", () => {
    it("when the id exists, then the post with its author", async () => {
      const { id } = await createPost(api, author.token, "find me");
      const response = await api.gql(POST, { variables: { id } });
      expect(response.data!.post!).toEqual({ id, body: "find me", author: { username: author.username } });
    });

    it.each(["999999", "0", "-1", "abc", "99999999999999999999", "1.5"])(
      "when the id is %s, then null",
      async (id) => {
        const response = await api.gql(POST, { variables: { id } });
        expect(response.errors).toBeUndefined();
        expect(response.data!.post!).toBeNull();
      },
    );
  });

  describe("deletePost", () => {
    it("when the author deletes, then it is gone", async () => {
      const { id } = await createPost(api, author.token, "delete me");
      const before = (await api.gql(AUTHOR_COUNT, { variables: { username: author.username } })).data!.user!.postCount;
      const response = await api.gql(DELETE, { variables: { id }, token: author.token });
      // What a normalized cache needs to apply it: the id to evict, the author's new count.
      expect(response.data).toEqual({ deletePost: { deletedPostId: id, author: { postCount: before - 1 } } });
      expect((await api.gql(POST, { variables: { id } })).data!.post!).toBeNull();
    });

    it("when someone else deletes, then FORBIDDEN and the post stays", async () => {
      const { id } = await createPost(api, author.token, "not yours");
      const response = await api.gql(DELETE, { variables: { id }, token: stranger.token });
      expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await api.gql(POST, { variables: { id } })).data!.post!.body).toBe("not yours");
    });

    it.each(["999999", "abc", "UG9zdDo5OTk5OTk", "VXNlcjox"])("when the id %s names no post of ours, then NOT_FOUND", async (id) => {
      const response = await api.gql(DELETE, { variables: { id }, token: author.token });
      expect(response.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    });

    it("when anonymous, then UNAUTHENTICATED", async () => {
      const { id } = await createPost(api, author.token, "keep me");
      const response = await api.gql(DELETE, { variables: { id } });
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });
});
