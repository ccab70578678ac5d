import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseline } from "../../bench/baseline.ts";
import {
  BENCH_USER,
  EXPLORE,
  FEED,
  INBOX,
  INBOX_MESSAGES,
  LOGIN,
  MENTION_PREFIX,
  OPERATIONS,
  PEN_PAL,
  PROFILE,
  SEARCH_POSTS,
  SEARCH_USERS,
  SEND_MESSAGE,
  USERS,
  WORST,
  type BenchOperation,
  type Fixtures,
} from "../../bench/operations.ts";
import { SEARCH_WORDS, seedDatabase, SEED_PASSWORD } from "../../src/seed/dataset.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { graphql } from "../generated/gql.ts";

// The benchmark compares the API with a raw baseline; the comparison means something only while
// both give the same answers, and the statements each operation costs are part of its contract.
describe.each(engines)("benchmark operations on %s", (engine) => {
  const api = useTestApi(engine);
  let token: string;
  let fixtures: Fixtures;
  let baseline: ReturnType<typeof createBaseline>;
  let http: Server;
  let address: string;

  beforeAll(async () => {
    await seedDatabase(api.database, { users: 60, posts: 1_500, followsPerUser: 10, seed: 7 });
    const login = await api.gql(LOGIN, { variables: { username: BENCH_USER, password: SEED_PASSWORD } });
    token = login.data!.login.token;
    // The first signed-in request of the minute records lastSeen; the counts below are the others'.
    await api.gql(graphql(`query OperationsMe { me { id } }`), { token });
    const first = await api.gql(FEED, { token });
    expect(first.data!.feed.pageInfo.hasNextPage).toBe(true);
    fixtures = { deepCursor: first.data!.feed.pageInfo.endCursor! };
    // The bench user's inbox holds more than a page, as the benchmark fills it.
    const penPal = (await api.gql(LOGIN, { variables: { username: PEN_PAL, password: SEED_PASSWORD } })).data!.login.token;
    for (let i = 1; i <= INBOX_MESSAGES; i++) {
      expect((await api.gql(SEND_MESSAGE, { variables: { to: BENCH_USER, body: `Message ${i}` }, token: penPal })).errors).toBeUndefined();
    }
    baseline = createBaseline(api.target);
    http = createServer(baseline.handle);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    address = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    await baseline?.close();
  });

  // The table's variables are made at run time: sent with the document's text, the data is unknown.
  const options = (operation: BenchOperation) => ({
    variables: operation.variables(fixtures),
    token: operation.signedIn ? token : undefined,
  });
  const send = (operation: BenchOperation) => api.gql(operation.query, options(operation));

  it("when the explore page, the feed, a profile, the users page, the searches and the inbox are read, then each holds what the benchmark means to measure", async () => {
    expect((await api.gql(EXPLORE)).data!.posts.nodes).toHaveLength(20);
    expect((await api.gql(PROFILE, { variables: { username: BENCH_USER } })).data!.user!.postCount).toBeGreaterThan(10);
    expect((await api.gql(USERS, { token })).data!.users.nodes.some((user) => user.viewerIsFollowing)).toBe(true);
    expect((await api.gql(FEED, { variables: { after: fixtures.deepCursor }, token })).data!.feed.nodes).toHaveLength(20);
    for (const order of ["RELEVANCE", "NEWEST"] as const) {
      const common = await api.gql(SEARCH_POSTS, { variables: { query: SEARCH_WORDS.common, order } });
      expect(common.data!.searchPosts.pageInfo.hasNextPage).toBe(true);
    }
    expect((await api.gql(SEARCH_USERS, { variables: { prefix: MENTION_PREFIX } })).data!.searchUsers.length).toBeGreaterThan(0);
    const inbox = (await api.gql(INBOX, { token })).data!.messages;
    expect(inbox.nodes.map((message) => message.body)).toEqual(Array.from({ length: 20 }, (_, i) => `Message ${INBOX_MESSAGES - i}`));
    expect(inbox.pageInfo.hasNextPage).toBe(true);
  });

  it.each(Object.values(OPERATIONS).filter((operation) => operation.baseline).map((operation) => [operation.name, operation] as const))(
    "when %s is read, then the baseline answers the very JSON the API does",
    async (_, operation) => {
      const answer = await send(operation);
      expect(answer.errors).toBeUndefined();
      const response = await fetch(address + operation.baseline!(fixtures), {
        headers: operation.signedIn ? { authorization: `Bearer ${token}` } : {},
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: answer.data });
    },
  );

  it.each(Object.values(OPERATIONS).map((operation) => [operation.name, operation] as const))(
    "when %s runs, then it costs the statements the benchmark reports",
    async (_, operation) => {
      const counted = await api.countStatements(operation.query, options(operation));
      expect(counted).toEqual({ statements: operation.statements, errors: undefined });
    },
  );
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

