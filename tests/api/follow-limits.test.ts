import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines, selectBeside } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const FOLLOW = graphql(`mutation FollowLimitsFollow ($username: String!) { follow(username: $username) { user { username viewerIsFollowing } } }`);
const UNFOLLOW = graphql(`mutation FollowLimitsUnfollow ($username: String!) { unfollow(username: $username) { user { username } } }`);

describe.each(engines)("follow limits on %s", (engine) => {
  const api = useTestApi(engine, { env: { MAX_FOLLOWING: "3", FOLLOW_RATE_LIMIT: "8", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  const follow = (token: string, username: string) => api.gql(FOLLOW, { variables: { username }, token });
  const unfollow = (token: string, username: string) => api.gql(UNFOLLOW, { variables: { username }, token });

  it("when an account follows as many users as MAX_FOLLOWING, then one more is BAD_USER_INPUT on username, until it unfollows someone", async () => {
    const reader = await registerUser(api);
    const others = await Promise.all(Array.from({ length: 4 }, () => registerUser(api)));
    for (const other of others.slice(0, 3)) expect((await follow(reader.token, other.username)).errors).toBeUndefined();
    const over = await follow(reader.token, others[3]!.username);
    expect(over.status).toBe(200);
    expect(over.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
    expect(over.errors?.[0]?.message).toMatch(/more than 3 users/);
    // At the cap, following someone already followed still changes nothing and succeeds.
    expect((await follow(reader.token, others[0]!.username)).data?.follow.user).toEqual({ username: others[0]!.username, viewerIsFollowing: true });
    expect((await unfollow(reader.token, others[0]!.username)).errors).toBeUndefined();
    expect((await follow(reader.token, others[3]!.username)).errors).toBeUndefined();
  });

  it("when an account one short of the cap follows five users at once, then exactly one follow lands", async () => {
    const reader = await registerUser(api);
    const others = await Promise.all(Array.from({ length: 7 }, () => registerUser(api)));
    for (const other of others.slice(0, 2)) expect((await follow(reader.token, other.username)).errors).toBeUndefined();
    const racing = await Promise.all(others.slice(2).map((other) => follow(reader.token, other.username)));
    expect(racing.filter((response) => !response.errors)).toHaveLength(1);
    expect(racing.filter((response) => response.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(4);
    const [row] = await selectBeside(api.target, `select following_count as n, (select count(*) from followers where follower_id = ${reader.rowId}) as rows from users where id = ${reader.rowId}`);
    expect(Number(row!.n)).toBe(3);
    expect(Number(row!.rows)).toBe(3);
  });

  it("when an account follows and unfollows FOLLOW_RATE_LIMIT times in a window, then the next is 429 RATE_LIMITED with Retry-After; other accounts go on", async () => {
    const churner = await registerUser(api);
    const other = await registerUser(api);
    for (let i = 0; i < 4; i++) {
      expect((await follow(churner.token, other.username)).status).toBe(200);
      expect((await unfollow(churner.token, other.username)).status).toBe(200);
    }
    for (const over of [await follow(churner.token, other.username), await unfollow(churner.token, other.username)]) {
      expect(over.status).toBe(429);
      expect(over.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect(Number(over.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60);
    }
    expect((await follow(other.token, churner.username)).errors).toBeUndefined();
  });
});
