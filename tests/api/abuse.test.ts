import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "../../src/server.ts";
import { testConfig, useTestApi } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";
import { createPost, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const REGISTER = graphql(`mutation AbuseRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }`);

describe.each(engines)("racing registrations on %s", (engine) => {
  const servers: Server[] = [];
  let destroy: () => Promise<void>;

  beforeAll(async () => {
    const migrated = await migratedDatabase(engine);
    destroy = migrated.destroy;
    // Two instances over one database, as behind a load balancer.
    for (let i = 0; i < 2; i++) servers.push(await createServer({ config: testConfig(), database: migrated.database }));
  });

  afterAll(async () => {
    for (const server of servers) await server.app.close();
    await destroy?.();
  });

  it("when 25 clients register one username at once, then exactly one succeeds and the rest are BAD_USER_INPUT, never 5xx", async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        servers[i % 2]!.app.inject({
          method: "POST",
          url: "/graphql",
          headers: { "content-type": "application/json" },
          payload: { query: REGISTER, variables: { input: { username: i % 2 ? "Racer" : "racer", email: `racer${i}@example.com`, password: "password1" } } },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode).filter((status) => status >= 500)).toEqual([]);
    const bodies = responses.map((response) => response.json());
    expect(bodies.filter((body) => body.data?.register)).toHaveLength(1);
    const refusals = bodies.filter((body) => body.errors);
    expect(refusals).toHaveLength(24);
    for (const body of refusals) expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
  });
});

/** A small deterministic PRNG (mulberry32), so that a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const ODD_STRINGS = [
  "",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff lone",
  "\u202eevil",
  "zero\u200bwidth",
  "😀".repeat(200),
  "é".repeat(141),
  "' or 1=1 --",
  "%_%",
  "<script>alert(1)</script>",
  "\r\n\t",
  "x".repeat(60_000),
  "null",
  "Ω≈ç√∫",
];

const QUERIES = [
  `query ($u: String!) { user(username: $u) { id username aboutMe lastSeen followerCount followers(first: 3) { nodes { username } } } }`,
  `query ($first: Int, $after: String) { posts(first: $first, after: $after) { nodes { id body } pageInfo { endCursor } } }`,
  `query ($first: Int, $after: String) { feed(first: $first, after: $after) { nodes { id } } }`,
  `query ($id: ID!) { post(id: $id) { id body author { username } } }`,
  `mutation ($body: String!) { createPost(body: $body) { id } }`,
  `mutation ($id: ID!) { deletePost(id: $id) }`,
  `mutation ($u: String!) { follow(username: $u) { user { id } } }`,
  `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { username } }`,
  `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
];

/** One hostile or malformed request: a body (maybe not JSON) and headers. */
function hostileRequest(rng: ReturnType<typeof random>, token: string): { payload: string; headers: Record<string, string> } {
  const value = (): unknown =>
    rng.pick<() => unknown>([
      () => rng.pick(ODD_STRINGS),
      () => rng.pick([-1, 0, 1, 101, 2 ** 31, 2 ** 53, 1e308, -0, 3.5, Number.NaN]),
      () => rng.pick([null, true, [], {}, [1, 2], { a: 1 }]),
      () => Buffer.from(rng.pick(["post:1:1", "post:99999999999999999:1", "user:\u0000", "followers:x:y", "garbage"])).toString("base64url"),
    ])();
  const variables = () => Object.fromEntries(["u", "p", "first", "after", "id", "body", "input"].map((name) => [name, value()]));
  const body = rng.pick<() => string>([
    () => JSON.stringify({ query: rng.pick(QUERIES), variables: variables() }),
    () => JSON.stringify({ query: rng.pick(QUERIES), variables: { ...variables(), input: { username: value(), aboutMe: value() } } }),
    () => JSON.stringify({ query: rng.pick(QUERIES) }).slice(0, rng.int(60)), // truncated JSON
    () => JSON.stringify({ query: value(), variables: value(), operationName: value() }),
    () => JSON.stringify({ query: `{ ${"a: me { id } ".repeat(rng.int(500))} }` }), // alias flood
    () => JSON.stringify({ query: `${"{ me ".repeat(rng.int(3000))}` }), // deep nesting
    () => JSON.stringify({ query: `{ me { ${"id @include(if: true) ".repeat(rng.int(200))} } }` }),
    () => JSON.stringify({ query: rng.pick(QUERIES).replace(/[a-z]/g, (c) => (rng.next() < 0.05 ? "\u0000" : c)) }),
    () => String.fromCharCode(...Array.from({ length: rng.int(200) }, () => rng.int(0x10000))), // random UTF-16
    () => JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]), // a batch
  ])();
  const authorization = rng.pick([undefined, `Bearer ${token}`, "Bearer ", "Bearer \u0000", `Basic ${token}`, "Bearer " + "a".repeat(43)]);
  return {
    payload: body,
    headers: { "content-type": rng.pick(["application/json", "application/json", "text/plain", "application/graphql"]), ...(authorization ? { authorization } : {}) },
  };
}

describe.each(engines)("fuzzing on %s", (engine) => {
  const api = useTestApi(engine);
  let user: RegisteredUser;

  beforeAll(async () => {
    user = await registerUser(api);
    await createPost(api, user.token, "something to find");
  });

  it("when thousands of malformed and hostile requests arrive, then none gets a 5xx, the server stays up and its memory bounded", async () => {
    const rng = random(20261122);
    const before = process.memoryUsage().heapUsed;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 3000; i++) {
      const { payload, headers } = hostileRequest(rng, user.token);
      const response = await api.server.app.inject({ method: "POST", url: "/graphql", headers, payload });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) throw new Error(`request ${i} got ${response.statusCode}: ${payload.slice(0, 300)} → ${response.body.slice(0, 300)}`);
    }
    // The fuzzing reached every layer: executed, refused as a bad request, as a bad token, as too large.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 401, 413]));
    // (The fuzzing may have renamed the user: it holds a valid token.)
    expect((await api.gql(graphql(`query AbuseMe { me { id } }`), { token: user.token })).data!.me!.id).toBe(user.id);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);
});
