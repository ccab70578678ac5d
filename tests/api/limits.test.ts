import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";

/** `{ me { id id … } }`: 5 tokens and `ids` more. */
const withTokens = (tokens: number) => `{ me { ${"id ".repeat(tokens - 5)}} }`;

describe.each(engines)("request limits on %s", (engine) => {
  const api = useTestApi(engine, {
    env: { MAX_DEPTH: "6", MAX_ALIASES: "3", MAX_DIRECTIVES: "3", MAX_TOKENS: "100", MAX_COST: "221", BODY_LIMIT_BYTES: "2048" },
  });

  it("when an operation has as many tokens as allowed, then it runs; one more, and it is refused as a parse error", async () => {
    const under = await api.gql(withTokens(100));
    expect(under.status).toBe(200);
    expect(under.errors).toBeUndefined();
    const over = await api.gql(withTokens(101));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("when an operation is as deep as allowed, then it runs; one level deeper, and it is refused", async () => {
    const under = await api.gql(`{ me { posts(first: 1) { nodes { author { posts(first: 1) { totalCount } } } } } }`);
    expect(under.errors).toBeUndefined();
    const over = await api.gql(`{ me { posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } }`);
    expect(over.status).toBe(400);
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(over.errors?.[0]?.message).toMatch(/depth limit of 6/);
  });

  it("when an operation has as many aliases as allowed, then it runs; one more, and it is refused", async () => {
    expect((await api.gql(`{ a: me { id } b: me { id } c: me { id } }`)).errors).toBeUndefined();
    const over = await api.gql(`{ a: me { id } b: me { id } c: me { id } d: me { id } }`);
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/Aliases limit of 3/);
  });

  it("when an operation has as many directives as allowed, then it runs; one more, and it is refused", async () => {
    const under = await api.gql(`{ me @include(if: true) { id @include(if: true) username @skip(if: false) } }`);
    expect(under.errors).toBeUndefined();
    const over = await api.gql(`{ me @include(if: true) { id @include(if: true) username @skip(if: false) email @skip(if: false) } }`);
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/Directives limit of 3/);
  });

  it("when an operation costs as much as allowed, then it runs; a larger `first`, and it is refused before any SQL", async () => {
    // users: 1 + 10 × (nodes: 1 + (posts: 1 + first × (nodes: 1 + (id: 1))))
    const query = `query ($first: Int) { users(first: 10) { nodes { posts(first: $first) { nodes { id } } } } }`;
    const under = await api.gql(query, { variables: { first: 10 } });
    expect(under.errors).toBeUndefined();
    const over = await api.gql(query, { variables: { first: 11 } });
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/costs 241, more than the 221 allowed/);
    expect(await api.countStatements(query, { variables: { first: 11 } })).toMatchObject({ statements: 0 });
  });

  it("when the same operation comes again with other variables, then each is costed by its own values", async () => {
    // Costs are kept per document and per value of the variables they depend on: `first`, and the
    // directives that decide whether a field counts at all. A cursor or a name leaves the cost alone.
    const query = `query ($first: Int, $deep: Boolean!, $after: String) {
      users(first: 10, after: $after) { nodes { posts(first: $first) @include(if: $deep) { nodes { id } } } }
    }`;
    for (let round = 0; round < 2; round++) {
      expect((await api.gql(query, { variables: { first: 10, deep: true } })).errors).toBeUndefined();
      expect((await api.gql(query, { variables: { first: 11, deep: false } })).errors).toBeUndefined();
      const over = await api.gql(query, { variables: { first: 11, deep: true } });
      expect(over.errors?.[0]?.message).toMatch(/costs 241, more than the 221 allowed/);
      const cursor = Buffer.from("user:zzz").toString("base64url");
      const overWithCursor = await api.gql(query, { variables: { first: 11, deep: true, after: cursor } });
      expect(overWithCursor.errors?.[0]?.message).toMatch(/costs 241, more than the 221 allowed/);
    }
  });

  it("when a body is as large as allowed, then it is read; one byte more, and HTTP 413", async () => {
    const payload = (size: number) => {
      const empty = JSON.stringify({ query: "{ me { id } }\n#" });
      return JSON.stringify({ query: `{ me { id } }\n#${"x".repeat(size - empty.length)}` });
    };
    const send = (body: string) =>
      api.server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: body });
    expect(payload(2048)).toHaveLength(2048);
    expect((await send(payload(2048))).statusCode).toBe(200);
    expect((await send(payload(2049))).statusCode).toBe(413);
  });
});

describe.each(engines)("default request limits on %s", (engine) => {
  const api = useTestApi(engine);

  it("when a client asks for a million nodes, then it is refused before it runs", async () => {
    const query = `{ users(first: 100) { nodes { followers(first: 100) { nodes { followers(first: 100) { nodes { username } } } } } } }`;
    const response = await api.gql(query);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await api.countStatements(query)).toMatchObject({ statements: 0 });
  });

  it("when a client pages through lists as the app does, then the defaults let it", async () => {
    const response = await api.gql(`{
      users(first: 100) { nodes { username followerCount posts(first: 20) { nodes { body author { username } } } } }
    }`);
    expect(response.errors).toBeUndefined();
  });
});
