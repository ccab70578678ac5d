import { beforeAll, describe, expect, it } from "vitest";
import { globalId } from "../../src/domain/ids.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, follow, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { walk } from "../helpers/pages.ts";
import { graphql } from "../generated/gql.ts";

const FEED = graphql(`query SocialFeed ($first: Int, $after: String) {
  feed(first: $first, after: $after) { nodes { id body author { username } } pageInfo { hasNextPage endCursor } }
}`);
const FOLLOW = graphql(`mutation SocialFollow ($username: String!) {
  follow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }
}`);
const UNFOLLOW = graphql(`mutation SocialUnfollow ($username: String!) {
  unfollow(username: $username) { user { username followerCount viewerIsFollowing } viewer { followingCount } }
}`);
const RELATION = graphql(`query SocialUser ($username: String!) {
  user(username: $username) { isViewer viewerIsFollowing followerCount followingCount }
}`);
const LISTS = graphql(`query SocialUser2 ($username: String!, $first: Int) {
  user(username: $username) {
    followers(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }
    following(first: $first) { totalCount nodes { username } pageInfo { hasNextPage endCursor } }
  }
}`);
const LIST = {
  followers: graphql(`query SocialFollowers($username: String!, $first: Int, $after: String) {
  user(username: $username) { followers(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }
}`),
  following: graphql(`query SocialFollowing($username: String!, $first: Int, $after: String) {
  user(username: $username) { following(first: $first, after: $after) { nodes { username } pageInfo { hasNextPage endCursor } } }
}`),
};

describe.each(engines)("the tutorial's followed posts on %s", (engine) => {
  const api = useTestApi(engine);
  const people: Record<string, RegisteredUser> = {};

  beforeAll(async () => {
    for (const username of ["john", "susan", "mary", "david"]) people[username] = await registerUser(api, { username });
    await follow(api, people.john!.token, "susan");
    await follow(api, people.john!.token, "david");
    await follow(api, people.susan!.token, "mary");
    await follow(api, people.mary!.token, "david");
    // Oldest first, as the tutorial's timestamps have them: john, david, mary, susan.
    for (const username of ["john", "david", "mary", "susan"]) {
      await createPost(api, people[username]!.token, `post from ${username}`);
    }
  });

  it.each([
    ["john", ["susan", "david", "john"]],
    ["susan", ["susan", "mary"]],
    ["mary", ["mary", "david"]],
    ["david", ["david"]],
  ])("when %s reads their feed, then it holds exactly their own and their followed users' posts, newest first", async (username, authors) => {
    const response = await api.gql(FEED, { token: people[username]!.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.feed.nodes.map((post) => post.body)).toEqual(authors.map((author) => `post from ${author}`));
    expect(response.data!.feed.pageInfo.hasNextPage).toBe(false);
  });

  it("when john's counts and relations are read, then they match the follows", async () => {
    const response = await api.gql(RELATION, { token: people.john!.token, variables: { username: "david" } });
    expect(response.data!.user!).toEqual({ isViewer: false, viewerIsFollowing: true, followerCount: 2, followingCount: 0 });
    const self = await api.gql(RELATION, { token: people.john!.token, variables: { username: "john" } });
    expect(self.data!.user!).toEqual({ isViewer: true, viewerIsFollowing: false, followerCount: 0, followingCount: 2 });
  });
});

describe.each(engines)("following on %s", (engine) => {
  const api = useTestApi(engine);
  let viewer: RegisteredUser;
  let other: RegisteredUser;

  beforeAll(async () => {
    viewer = await registerUser(api);
    other = await registerUser(api);
  });

  it("when a user follows someone twice, then one follow is kept and the answer is the followed user", async () => {
    const first = await api.gql(FOLLOW, { token: viewer.token, variables: { username: other.username } });
    const second = await api.gql(FOLLOW, { token: viewer.token, variables: { username: other.username.toUpperCase() } });
    expect(first.errors).toBeUndefined();
    expect(second.data!.follow).toEqual({ user: { username: other.username, followerCount: 1, viewerIsFollowing: true }, viewer: { followingCount: 1 } });
    const lists = await api.gql(LISTS, { variables: { username: other.username } });
    expect(lists.data!.user!.followers.nodes).toEqual([{ username: viewer.username }]);
  });

  it("when a user unfollows twice, then the follow is gone and the second changes nothing", async () => {
    await follow(api, viewer.token, other.username);
    const first = await api.gql(UNFOLLOW, { token: viewer.token, variables: { username: other.username } });
    const second = await api.gql(UNFOLLOW, { token: viewer.token, variables: { username: other.username } });
    expect(first.data!.unfollow).toEqual({ user: { username: other.username, followerCount: 0, viewerIsFollowing: false }, viewer: { followingCount: 0 } });
    expect(second.data!.unfollow).toEqual(first.data!.unfollow);
  });

  it("when one operation follows and then unfollows, then each answer shows the state after its own write", async () => {
    const response = await api.gql(
      graphql(`mutation SocialFollow2 ($username: String!) {
        a: follow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }
        b: unfollow(username: $username) { user { followerCount viewerIsFollowing } viewer { followingCount } }
      }`),
      { token: viewer.token, variables: { username: other.username } },
    );
    expect(response.data).toEqual({
      a: { user: { followerCount: 1, viewerIsFollowing: true }, viewer: { followingCount: 1 } },
      b: { user: { followerCount: 0, viewerIsFollowing: false }, viewer: { followingCount: 0 } },
    });
  });

  it.each(["follow", "unfollow"])("when a user %ss themself, then it is BAD_USER_INPUT on username", async (mutation) => {
    const response = await api.gql(`mutation ($username: String!) { ${mutation}(username: $username) { user { id } } }`, {
      token: viewer.token,
      variables: { username: viewer.username },
    });
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(response.errors?.[0]?.message).toBe("You cannot follow yourself.");
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
  });

  it.each(["follow", "unfollow"])("when a user %ss an unknown or impossible username, then it is NOT_FOUND", async (mutation) => {
    for (const username of ["nobody_here", "not a name", ""]) {
      const response = await api.gql(`mutation ($username: String!) { ${mutation}(username: $username) { user { id } } }`, {
        token: viewer.token,
        variables: { username },
      });
      expect(response.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
  });

  it.each(["follow", "unfollow"])("when an anonymous request %ss, then it is UNAUTHENTICATED and nothing changes", async (mutation) => {
    const response = await api.gql(`mutation ($username: String!) { ${mutation}(username: $username) { user { id } } }`, {
      variables: { username: other.username },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const counts = await api.gql(RELATION, { variables: { username: other.username } });
    expect(counts.data!.user!.followerCount).toBe(0);
  });

  it("when anonymous, then viewerIsFollowing and isViewer are false", async () => {
    await follow(api, viewer.token, other.username);
    const response = await api.gql(RELATION, { variables: { username: other.username } });
    expect(response.data!.user!).toEqual({ isViewer: false, viewerIsFollowing: false, followerCount: 1, followingCount: 0 });
  });
});

describe.each(engines)("follower lists on %s", (engine) => {
  const api = useTestApi(engine);
  let star: RegisteredUser;
  const fans: RegisteredUser[] = [];

  beforeAll(async () => {
    star = await registerUser(api, { username: "a_star" }); // first by username
    for (let i = 1; i <= 20; i++) fans.push(await registerUser(api, { username: `fan${String(i).padStart(2, "0")}` }));
    // A millisecond apart at least: follows in the same millisecond are listed by user id instead.
    const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
    for (const fan of fans) {
      await follow(api, fan.token, star.username);
      await tick();
    }
    // The star follows the fans in the opposite order.
    for (const fan of [...fans].reverse()) {
      await follow(api, star.token, fan.username);
      await tick();
    }
  });

  it("when paging a user's followers three at a time, then each appears once, most recent follower first", async () => {
    const names = await walk(api, LIST.followers, {
      variables: { username: star.username },
      connection: (data) => data.user!.followers,
      first: 3,
      pick: (node) => node.username,
    });
    expect(names).toEqual(fans.map((fan) => fan.username).reverse());
  });

  it("when paging whom a user follows three at a time, then each appears once, most recently followed first", async () => {
    const names = await walk(api, LIST.following, {
      variables: { username: star.username },
      connection: (data) => data.user!.following,
      first: 3,
      pick: (node) => node.username,
    });
    expect(names).toEqual(fans.map((fan) => fan.username));
  });

  it("when the lists are counted, then totalCount matches them", async () => {
    const response = await api.gql(LISTS, { variables: { username: star.username, first: 1 } });
    expect(response.data!.user!.followers.totalCount).toBe(20);
    expect(response.data!.user!.following.totalCount).toBe(20);
    const fan = await api.gql(LISTS, { variables: { username: fans[0]!.username } });
    expect(fan.data!.user!.followers.nodes).toEqual([{ username: star.username }]);
    expect(fan.data!.user!.following.nodes).toEqual([{ username: star.username }]);
  });

  it("when a cursor from one list is given to the other, or is not a cursor, then it is BAD_USER_INPUT on after", async () => {
    const page = await api.gql(LISTS, { variables: { username: star.username, first: 1 } });
    const followersCursor = page.data!.user!.followers.pageInfo.endCursor;
    for (const after of [followersCursor, "not-a-cursor"]) {
      const response = await api.gql(LIST.following, { variables: { username: star.username, after } });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
    }
  });

  it("when a page of users selects their counts and whether the viewer follows them, then 1 user or 20 cost the same statements", async () => {
    const query = graphql(`query SocialUsers ($first: Int) {
      users(first: $first) { nodes { followerCount followingCount postCount viewerIsFollowing isViewer } }
    }`);
    const one = await api.countStatements(query, { token: star.token, variables: { first: 1 } });
    const twenty = await api.countStatements(query, { token: star.token, variables: { first: 20 } });
    // token, users page (the counts are on each user's row), the viewer's follows
    expect(one).toEqual({ statements: 3, errors: undefined });
    expect(twenty).toEqual({ statements: 3, errors: undefined });
    const anonymous = await api.countStatements(query, { variables: { first: 20 } });
    // anonymous: no token to look up, and no follows of a viewer to read
    expect(anonymous).toEqual({ statements: 1, errors: undefined });
  });

  it("when a page of users selects their follower lists, then 1 user or 20 cost the same statements", async () => {
    const query = graphql(`query SocialUsers2 ($first: Int) {
      users(first: $first) {
        nodes { followers(first: 3) { totalCount nodes { username } } following(first: 3) { nodes { username } } }
      }
    }`);
    const one = await api.countStatements(query, { variables: { first: 1 } });
    const twenty = await api.countStatements(query, { variables: { first: 20 } });
    // users page, followers pages, following pages (totalCount is on each user's row)
    expect(one).toEqual({ statements: 3, errors: undefined });
    expect(twenty).toEqual({ statements: 3, errors: undefined });
    const response = await api.gql(query, { variables: { first: 2 } });
    expect(response.data!.users.nodes).toEqual([
      {
        followers: { totalCount: 20, nodes: [{ username: "fan20" }, { username: "fan19" }, { username: "fan18" }] },
        following: { nodes: [{ username: "fan01" }, { username: "fan02" }, { username: "fan03" }] },
      },
      { followers: { totalCount: 1, nodes: [{ username: "a_star" }] }, following: { nodes: [{ username: "a_star" }] } },
    ]);
  });
});

describe.each(engines)("the feed on %s", (engine) => {
  const api = useTestApi(engine);
  let reader: RegisteredUser;
  let followed: RegisteredUser;
  let stranger: RegisteredUser;

  beforeAll(async () => {
    reader = await registerUser(api);
    followed = await registerUser(api);
    stranger = await registerUser(api);
    await follow(api, reader.token, followed.username);
  });

  it("when anonymous, then the feed is UNAUTHENTICATED", async () => {
    const response = await api.gql(FEED);
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("when paging the feed, then it holds the reader's and followed posts once each, newest first, and no one else's", async () => {
    // Timestamps set by hand, with ties, so that order by (timestamp desc, id desc) is what is tested.
    const base = Date.UTC(2026, 10, 22, 8, 0);
    const expected: { id: number; at: number }[] = [];
    for (let i = 0; i < 24; i++) {
      const author = [reader, followed, stranger][i % 3]!;
      const at = base + Math.floor(i / 4) * 1000;
      const post = await api.database.repos.posts.create({ userId: author.rowId, body: `post ${i}`, timestamp: new Date(at) });
      if (author !== stranger) expected.push({ id: post.id, at });
    }
    expected.sort((a, b) => b.at - a.at || b.id - a.id);
    const ids = await walk(api, FEED, { token: reader.token, connection: (data) => data.feed, first: 3, pick: (node) => node.id });
    expect(ids).toEqual(expected.map((post) => globalId("Post", post.id)));
    const counted = await api.gql(graphql(`query SocialFeed2 { feed(first: 0) { totalCount } }`), { token: reader.token });
    expect(counted.data!.feed.totalCount).toBe(16);
  });

  it("when the reader unfollows someone, then that user's posts leave the feed", async () => {
    await api.gql(UNFOLLOW, { token: reader.token, variables: { username: followed.username } });
    const response = await api.gql(FEED, { token: reader.token, variables: { first: 100 } });
    const authors = new Set(response.data!.feed.nodes.map((post) => post.author.username));
    expect([...authors]).toEqual([reader.username]);
    await follow(api, reader.token, followed.username);
  });

  it("when a page of the feed selects authors, then it costs the same statements for 1 post or 20", async () => {
    const query = graphql(`query SocialFeed3 ($first: Int) { feed(first: $first) { nodes { body author { username followerCount } } } }`);
    const one = await api.countStatements(query, { token: reader.token, variables: { first: 1 } });
    const twenty = await api.countStatements(query, { token: reader.token, variables: { first: 20 } });
    // token, feed page, authors (with their follower counts)
    expect(one).toEqual({ statements: 3, errors: undefined });
    expect(twenty).toEqual({ statements: 3, errors: undefined });
  });

  it("when first or after is out of range, then it is BAD_USER_INPUT on that argument", async () => {
    const tooMany = await api.gql(FEED, { token: reader.token, variables: { first: 101 } });
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    const foreign = await api.gql(FEED, { token: reader.token, variables: { after: Buffer.from("user:alice").toString("base64url") } });
    expect(foreign.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });
});
