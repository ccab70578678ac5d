import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

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
    const under = await api.gql(graphql(`query LimitsMe { me { posts(first: 1) { nodes { author { posts(first: 1) { totalCount } } } } } }`));
    expect(under.errors).toBeUndefined();
    const over = await api.gql(graphql(`query LimitsMe2 { me { posts(first: 1) { nodes { author { posts(first: 1) { nodes { id } } } } } } }`));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
    expect(over.errors?.[0]?.message).toMatch(/depth limit of 6/);
  });

  it("when an operation has as many aliases as allowed, then it runs; one more, and it is refused", async () => {
    expect((await api.gql(graphql(`query LimitsMe3 { a: me { id } b: me { id } c: me { id } }`))).errors).toBeUndefined();
    const over = await api.gql(graphql(`query LimitsMe4 { a: me { id } b: me { id } c: me { id } d: me { id } }`));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/Aliases limit of 3/);
  });

  it("when an operation has as many directives as allowed, then it runs; one more, and it is refused", async () => {
    const under = await api.gql(graphql(`query LimitsMe5 { me @include(if: true) { id @include(if: true) username @skip(if: false) } }`));
    expect(under.errors).toBeUndefined();
    const over = await api.gql(graphql(`query LimitsMe6 { me @include(if: true) { id @include(if: true) username @skip(if: false) email @skip(if: false) } }`));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/Directives limit of 3/);
  });

  it("when an operation costs as much as allowed, then it runs; a larger `first`, and it is refused before any SQL", async () => {
    // users: 1 + 10 × (nodes: 1 + (posts: 1 + first × (nodes: 1 + (id: 1))))
    const query = graphql(`query LimitsUsers ($first: Int) { users(first: 10) { nodes { posts(first: $first) { nodes { id } } } } }`);
    const under = await api.gql(query, { variables: { first: 10 } });
    expect(under.errors).toBeUndefined();
    const over = await api.gql(query, { variables: { first: 11 } });
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/costs 241, more than the 221 allowed/);
    expect(await api.countStatements(query, { variables: { first: 11 } })).toMatchObject({ statements: 0 });
  });

  it("when a list's totalCount is selected, then its cost adds what the count reads: a whole table's, the feed's by MAX_FOLLOWING, nothing for one user's lists", async () => {
    const viewer = await registerUser(api);
    const costOf = async (query: string) => {
      const response = await api.gql(query, { token: viewer.token });
      return response.errors ? /costs (\d+)/.exec(response.errors[0]!.message)?.[1] : "allowed";
    };
    // 1 + 1,000 + 1 × (totalCount 1); through a fragment, or an inline one, alike.
    expect(await costOf(`{ posts(first: 1) { totalCount } }`)).toBe("1002");
    expect(await costOf(`{ users(first: 1) { ...Total } } fragment Total on UserConnection { totalCount }`)).toBe("1002");
    expect(await costOf(`{ posts(first: 1) { ... on PostConnection { totalCount } } }`)).toBe("1002");
    // 1 + 5,000 / 10 + 1.
    expect(await costOf(`{ feed(first: 1) { totalCount } }`)).toBe("502");
    // Without the count, or a count from the user's row: cheap.
    expect(await costOf(`{ posts(first: 1) { nodes { id } } }`)).toBe("allowed");
    expect(await costOf(`{ me { posts(first: 1) { totalCount } followers(first: 1) { totalCount } } }`)).toBe("allowed");
  });

  it("when posts are searched best match first, then the search costs a heavy operation's share more (it ranks every match), by its order's value", async () => {
    const query = graphql(`query LimitsSearch ($order: PostSearchOrder, $first: Int) { searchPosts(query: "word", order: $order, first: $first) { nodes { id } } }`);
    // 1 + ⌈221 / 10⌉ + first × (nodes: 1 + (id: 1)), costed anew for each order.
    for (const order of ["RELEVANCE", undefined] as const) {
      expect((await api.gql(query, { variables: { order, first: 98 } })).errors).toBeUndefined();
      const over = await api.gql(query, { variables: { order, first: 99 } });
      expect(over.errors?.[0]?.message).toMatch(/costs 222, more than the 221 allowed/);
      expect((await api.gql(query, { variables: { order: "NEWEST", first: 99 } })).errors).toBeUndefined();
    }
  });

  it("when the same operation comes again with other variables, then each is costed by its own values", async () => {
    // Costs are kept per document and per value of the variables they depend on: `first`, and the
    // directives that decide whether a field counts at all. A cursor or a name leaves the cost alone.
    const query = graphql(`query LimitsUsers2 ($first: Int, $deep: Boolean!, $after: String) {
      users(first: 10, after: $after) { nodes { posts(first: $first) @include(if: $deep) { nodes { id } } } }
    }`);
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
    const query = graphql(`query LimitsUsers3 { users(first: 100) { nodes { followers(first: 100) { nodes { followers(first: 100) { nodes { username } } } } } } }`);
    const response = await api.gql(query);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await api.countStatements(query)).toMatchObject({ statements: 0 });
  });

  it("when `first` is null, a variable left out or set to null, or absent, then it is costed as the page size it is served (20), and the attack is refused before any SQL", async () => {
    const chain = (first: string) =>
      `users${first} { nodes { followers${first} { nodes { following${first} { nodes { followers${first} { nodes { username } } } } } } } }`;
    const aliased = (first: string) => Array.from({ length: 15 }, (_, i) => `a${i}: ${chain(first)}`).join(" ");
    const variants: [string, Record<string, unknown> | undefined][] = [
      [`{ ${aliased("(first: null)")} }`, undefined],
      [`query ($n: Int) { ${aliased("(first: $n)")} }`, {}],
      [`query ($n: Int) { ${aliased("(first: $n)")} }`, { n: null }],
      [`query ($n: Int = null) { ${aliased("(first: $n)")} }`, {}],
      [`{ ${aliased("")} }`, undefined],
      [`{ ${aliased("(first: 20)")} }`, undefined],
    ];
    const costs = new Set<string>();
    for (const [query, variables] of variants) {
      const response = await api.gql(query, { variables });
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      costs.add(/costs (\d+)/.exec(response.errors?.[0]?.message ?? "")?.[1] ?? "none");
      expect(await api.countStatements(query, { variables })).toMatchObject({ statements: 0 });
    }
    // A list of 20 costs 1 + 20 × (nodes: 1 + what each holds), four deep, fifteen times: the same for every spelling.
    const list = (inner: number) => 1 + 20 * (1 + inner);
    expect([...costs]).toEqual([String(15 * list(list(list(list(1)))))]);
  });

  it("when the same list or count is asked for under many aliases, with many page sizes, then it is read once", async () => {
    const viewer = await registerUser(api);
    // feed: 1 + MAX_FOLLOWING / 10 (500) + first × (totalCount 1), fifteen times: allowed.
    const feeds = `{ ${Array.from({ length: 15 }, (_, i) => `f${i}: feed(first: ${100 - i}) { totalCount }`).join(" ")} }`;
    expect((await api.gql(feeds, { token: viewer.token })).errors).toBeUndefined();
    // The token, one page of the feed and one count, however many aliases ask.
    expect(await api.countStatements(feeds, { token: viewer.token })).toMatchObject({ statements: 3 });
    // Eight whole-table counts (1,000 each) fit in MAX_COST.
    const explore = `{ ${Array.from({ length: 8 }, (_, i) => `p${i}: posts(first: ${10 + i}) { totalCount nodes { id } }`).join(" ")} }`;
    expect(await api.countStatements(explore)).toMatchObject({ statements: 2 });
    // The smaller pages are the first rows of the largest, as if each had been read on its own.
    for (const post of Array.from({ length: 30 }, (_, i) => `post ${i}`)) await createPost(api, viewer.token, post);
    const pages = (await api.gql(explore)).data as Record<string, { nodes: { id: string }[] }>;
    const largest = pages.p7!.nodes.map((node) => node.id);
    for (let i = 0; i < 8; i++) expect(pages[`p${i}`]!.nodes.map((node) => node.id)).toEqual(largest.slice(0, 10 + i));
  });

  it("when a client pages through lists as the app does, then the defaults let it", async () => {
    const response = await api.gql(graphql(`query LimitsUsers4 {
      users(first: 100) { nodes { username followerCount posts(first: 20) { nodes { body author { username } } } } }
    }`));
    expect(response.errors).toBeUndefined();
  });
});
