import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseline } from "../../bench/baseline.ts";
import { CREATE_POST, EXPLORE, FEED, PROFILE, USERS, WORST } from "../../bench/operations.ts";
import { seedDatabase, SEED_PASSWORD } from "../../src/seed/dataset.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { graphql } from "../generated/gql.ts";

// The benchmark compares the API with a raw baseline; the comparison means something only while
// both give the same answers, and the statements each operation costs are part of its contract.
describe.each(engines)("benchmark operations on %s", (engine) => {
  const api = useTestApi(engine);
  let token: string;
  let baseline: ReturnType<typeof createBaseline>;
  let http: Server;
  let address: string;

  beforeAll(async () => {
    await seedDatabase(api.database, { users: 60, posts: 1_500, followsPerUser: 10, seed: 7 });
    const login = await api.gql(graphql(`mutation OperationsLogin ($p: String!) { login(username: "user1", password: $p) { token } }`), {
      variables: { p: SEED_PASSWORD },
    });
    token = login.data!.login.token;
    // The first signed-in request of the minute records lastSeen; the counts below are the others'.
    await api.gql(graphql(`query OperationsMe { me { id } }`), { token });
    baseline = createBaseline(api.target);
    http = createServer(baseline.handle);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    address = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    await baseline?.close();
  });

  async function rest(path: string, signedIn = false): Promise<unknown> {
    const response = await fetch(address + path, { headers: signedIn ? { authorization: `Bearer ${token}` } : {} });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function viaApi(query: string, variables: Record<string, unknown> = {}, signedIn = false): Promise<unknown> {
    const response = await api.gql(query, { variables, token: signedIn ? token : undefined });
    expect(response.errors).toBeUndefined();
    return { data: response.data };
  }

  it("when the explore page is read, then the baseline answers the very JSON the API does", async () => {
    const answer = await viaApi(EXPLORE);
    expect((answer as any).data!.posts.nodes).toHaveLength(20);
    expect(await rest("/explore")).toEqual(answer);
  });

  it("when the feed is read, first page and the next, then the baseline answers the very JSON the API does", async () => {
    const first = (await viaApi(FEED, {}, true)) as any;
    expect(first.data.feed.pageInfo.hasNextPage).toBe(true);
    expect(await rest("/feed", true)).toEqual(first);
    const cursor = first.data.feed.pageInfo.endCursor;
    const next = await viaApi(FEED, { after: cursor }, true);
    expect(await rest(`/feed?after=${encodeURIComponent(cursor)}`, true)).toEqual(next);
  });

  it("when a profile is read, then the baseline answers the very JSON the API does", async () => {
    const answer = (await viaApi(PROFILE, { username: "user1" })) as any;
    expect(answer.data.user.postCount).toBeGreaterThan(10);
    expect(await rest("/profile?username=user1")).toEqual(answer);
  });

  it("when a page of users is read, then the baseline answers the very JSON the API does", async () => {
    const answer = (await viaApi(USERS, {}, true)) as any;
    expect(answer.data.users.nodes.some((user: any) => user.viewerIsFollowing)).toBe(true);
    expect(await rest("/users", true)).toEqual(answer);
  });

  it("when each operation runs, then it costs the statements the benchmark reports", async () => {
    const first = (await viaApi(FEED, {}, true)) as any;
    const count = (query: string, variables: Record<string, unknown>, signedIn: boolean) =>
      api.countStatements(query, { variables, token: signedIn ? token : undefined });
    // posts page, their authors
    expect(await count(EXPLORE, {}, false)).toEqual({ statements: 2, errors: undefined });
    // token, feed page, their authors; as many deep in the feed as at its top
    expect(await count(FEED, {}, true)).toEqual({ statements: 3, errors: undefined });
    expect(await count(FEED, { after: first.data.feed.pageInfo.endCursor }, true)).toEqual({ statements: 3, errors: undefined });
    // the user (with their counts), their posts
    expect(await count(PROFILE, { username: "user1" }, false)).toEqual({ statements: 2, errors: undefined });
    // token, users page (with their counts), the viewer's follows among them
    expect(await count(USERS, {}, true)).toEqual({ statements: 3, errors: undefined });
    // token, the insert (the author's post count is the database's trigger, in the same statement)
    expect(await count(CREATE_POST, { body: "counted" }, true)).toEqual({ statements: 2, errors: undefined });
  });
});

// `npm run bench -- --worst` reports the worst the default limits allow: each of its operations must
// be allowed, and one notch more must not, or the report is about something else.
describe.each(engines)("the worst operations the default limits allow on %s", (engine) => {
  const api = useTestApi(engine);

  it.each(WORST.map((operation) => [operation.name, operation] as const))("when %s is sent, then it runs; one notch more is refused before any SQL", async (_, operation) => {
    const user = await api.gql(graphql(`mutation OperationsRegister { register(input: { username: "user1", email: "user1@example.com", password: "password1" }) { token } }`));
    const token = operation.signedIn ? (user.data?.register.token ?? (await api.gql(graphql(`mutation OperationsLogin2 { login(username: "user1", password: "password1") { token } }`))).data!.login.token) : undefined;
    const allowed = await api.gql(operation.query, { token });
    expect(allowed.errors).toBeUndefined();
    const grown = await api.gql(operation.grown, { token });
    expect(grown.status).toBe(400);
    expect(grown.errors?.[0]?.message).toMatch(/more than the 10000 allowed/);
    expect(await api.countStatements(operation.grown)).toMatchObject({ statements: 0 });
  });
});

