import { beforeAll, describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "../../src/domain/search-query.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { walk } from "../helpers/pages.ts";
import { graphql } from "../generated/gql.ts";
import type { PostSearchOrder } from "../generated/graphql.ts";

const SEARCH = graphql(`query SearchPosts ($query: String!, $order: PostSearchOrder, $first: Int, $after: String) {
  searchPosts(query: $query, order: $order, first: $first, after: $after) {
    nodes { id body author { username } }
    pageInfo { hasNextPage endCursor }
  }
}`);
const SEARCH_COUNT = graphql(`query SearchPostsCount ($query: String!) {
  searchPosts(query: $query) { totalCount }
}`);
const SEARCH_USERS = graphql(`query SearchUsers ($prefix: String!, $first: Int) {
  searchUsers(prefix: $prefix, first: $first) { username }
}`);
const LANGUAGE = graphql(`query PostLanguage ($id: ID!) {
  post(id: $id) { language }
}`);
const DELETE = graphql(`mutation SearchDeletePost ($id: ID!) {
  deletePost(id: $id) { deletedPostId }
}`);

/** How many posts say "lemur": enough for several pages of every size tried. */
const LEMURS = 30;

describe.each(engines)("search on %s", (engine) => {
  const api = useTestApi(engine);
  let author: RegisteredUser;
  /** Post ids by body. */
  const ids = new Map<string, string>();

  async function post(body: string, by = author): Promise<string> {
    const { id } = await createPost(api, by.token, body);
    ids.set(body, id);
    return id;
  }

  /** The bodies the query finds, in order (one page of up to 100). */
  async function bodies(query: string, order: PostSearchOrder = "RELEVANCE"): Promise<string[]> {
    const response = await api.gql(SEARCH, { variables: { query, order, first: 100 } });
    expect(response.errors).toBeUndefined();
    return response.data!.searchPosts.nodes.map((node) => node.body);
  }

  async function refusal(query: string, variables: { first?: number; after?: string; order?: PostSearchOrder } = {}) {
    const response = await api.gql(SEARCH, { variables: { query, ...variables } });
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    return response.errors?.[0]?.extensions;
  }

  beforeAll(async () => {
    author = await registerUser(api, { username: "searcher" });
    for (const body of [
      "I run every morning",
      "She was running late",
      "Posts about gardening",
      "One post only",
      "The quick brown fox",
      "The fox is quick and brown",
      "A lazy badger sleeps",
      "An otter swims",
      "Café crème in Paris",
      "cafe au lait",
      "ÉCOLE and naïve words",
    ]) {
      await post(body);
    }
    // Three mentions against one, in posts of the same length.
    await post("walrus walrus walrus tea");
    await post("walrus tea cake scone");
    // Scores with ties (several posts say the same) and without.
    for (let i = 0; i < LEMURS; i++) await post(`lemur ${"lemur ".repeat(i % 4)}number ${i}`);
  });

  describe("the query syntax", () => {
    it("when words are searched, then each matches by its English stem, in any order", async () => {
      expect((await bodies("running")).sort()).toEqual(["I run every morning", "She was running late"]);
      expect((await bodies("runs")).sort()).toEqual(["I run every morning", "She was running late"]);
      expect((await bodies("post")).sort()).toEqual(["One post only", "Posts about gardening"]);
      expect((await bodies("brown quick")).sort()).toEqual(["The fox is quick and brown", "The quick brown fox"]);
      expect(await bodies("quick badger")).toEqual([]);
    });

    it("when a phrase is quoted, then its words must be in that order; unclosed, it runs to the end", async () => {
      expect(await bodies('"quick brown"')).toEqual(["The quick brown fox"]);
      expect(await bodies('"brown quick"')).toEqual([]);
      expect(await bodies('fox "quick brown')).toEqual(["The quick brown fox"]);
    });

    it("when a word or phrase is excluded, then no post holding it is found", async () => {
      expect(await bodies("fox -and")).toEqual(["The quick brown fox"]);
      expect(await bodies('fox -"quick brown"')).toEqual(["The fox is quick and brown"]);
      expect(await bodies("fox -fox")).toEqual([]);
    });

    it("when `or` stands between words, then either matches, in any case", async () => {
      expect((await bodies("badger or otter")).sort()).toEqual(["A lazy badger sleeps", "An otter swims"]);
      expect((await bodies("badger OR otter Or fox")).length).toBe(4);
      expect(await bodies("or badger")).toEqual([]);
      expect((await bodies("lazy badger or otter")).sort()).toEqual(["A lazy badger sleeps"]);
    });

    it("when another language's stemmer would read a word as a different one, then it does not match posts in English", async () => {
      await post("I lost my hat on the train");
      await post("Mo was there, more or less");
      // Hungarian's stem of "hated" is "hat", Spanish's of "more" is "mor": neither is English's.
      expect(await bodies("hated")).toEqual([]);
      expect(await bodies("hat")).toEqual(["I lost my hat on the train"]);
      expect(await bodies("mor")).toEqual([]);
      expect(await bodies("train -hated")).toEqual(["I lost my hat on the train"]);
    });

    it("when case and accents differ, then they are ignored", async () => {
      expect((await bodies("CAFE")).sort()).toEqual(["Café crème in Paris", "cafe au lait"]);
      expect((await bodies("café")).sort()).toEqual(["Café crème in Paris", "cafe au lait"]);
      expect(await bodies("ecole NAIVE")).toEqual(["ÉCOLE and naïve words"]);
    });

    it("when punctuation joins words, then they are a phrase, as in the posts", async () => {
      await post("Send me an e-mail at bob@example.com");
      expect(await bodies("e-mail")).toEqual(["Send me an e-mail at bob@example.com"]);
      expect(await bodies("example.com")).toEqual(["Send me an e-mail at bob@example.com"]);
      expect(await bodies("bob")).toEqual(["Send me an e-mail at bob@example.com"]);
    });
  });

  describe("order and pages", () => {
    it("when ordered by relevance, then three mentions outrank one of the same length", async () => {
      expect(await bodies("walrus")).toEqual(["walrus walrus walrus tea", "walrus tea cake scone"]);
    });

    it("when ordered by relevance, then equally good matches are newest first", async () => {
      const found = await bodies("lemur");
      const mentions = (body: string) => body.split(" ").filter((word) => word === "lemur").length;
      const number = (body: string) => Number(body.split(" ").at(-1));
      expect(found).toHaveLength(LEMURS);
      expect(found.map(mentions)).toEqual([...found.map(mentions)].sort((a, b) => b - a));
      for (let i = 1; i < found.length; i++) {
        if (mentions(found[i]!) === mentions(found[i - 1]!)) expect(number(found[i]!)).toBeLessThan(number(found[i - 1]!));
      }
    });

    it("when ordered newest first, then the latest post comes first", async () => {
      expect(await bodies("tea", "NEWEST")).toEqual(["walrus tea cake scone", "walrus walrus walrus tea"]);
      const numbers = (await bodies("lemur", "NEWEST")).map((body) => Number(body.split(" ").at(-1)));
      expect(numbers).toEqual(Array.from({ length: LEMURS }, (_, i) => LEMURS - 1 - i));
    });

    it.each([1, 7, 20])("when paged %i at a time, then every match appears once, in the order of the whole result", async (first) => {
      for (const order of ["RELEVANCE", "NEWEST"] as const) {
        const whole = (await api.gql(SEARCH, { variables: { query: "lemur", order, first: 100 } })).data!.searchPosts.nodes.map((node) => node.id);
        const paged = await walk(api, SEARCH, { variables: { query: "lemur", order }, connection: (data) => data.searchPosts, first, pick: (node) => node.id });
        expect(paged).toEqual(whole);
        expect(new Set(paged).size).toBe(LEMURS);
      }
    });

    it("when a cursor from another query, another order or another list is given, then BAD_USER_INPUT on after", async () => {
      const page = async (query: string, order: PostSearchOrder) =>
        (await api.gql(SEARCH, { variables: { query, order, first: 1 } })).data!.searchPosts.pageInfo.endCursor!;
      const lemurCursor = await page("lemur", "RELEVANCE");
      const expected = { code: "BAD_USER_INPUT", field: "after" };
      expect(await refusal("walrus", { after: lemurCursor })).toEqual(expected);
      expect(await refusal("lemur", { after: lemurCursor, order: "NEWEST" })).toEqual(expected);
      expect(await refusal("lemur", { after: await page("lemur", "NEWEST") })).toEqual(expected);
      const explore = await api.gql(`{ posts(first: 1) { pageInfo { endCursor } } }`);
      const exploreCursor = (explore.data as { posts: { pageInfo: { endCursor: string } } }).posts.pageInfo.endCursor;
      expect(await refusal("lemur", { after: exploreCursor })).toEqual(expected);
      expect(await refusal("lemur", { after: "not a cursor" })).toEqual(expected);
      // The same query typed otherwise (case, spacing) is the same search.
      const response = await api.gql(SEARCH, { variables: { query: "  LEMUR ", first: 1, after: lemurCursor } });
      expect(response.errors).toBeUndefined();
    });

    it("when totalCount is asked for, then it counts every match, with one statement more than a page without it", async () => {
      const response = await api.gql(SEARCH_COUNT, { variables: { query: "lemur" } });
      expect(response.data!.searchPosts.totalCount).toBe(LEMURS);
      const withCount = await api.countStatements(SEARCH_COUNT, { variables: { query: "lemur" } });
      const without = await api.countStatements(`query ($query: String!) { searchPosts(query: $query) { nodes { id } } }`, { variables: { query: "lemur" } });
      expect([withCount.errors, without.errors]).toEqual([undefined, undefined]);
      expect([withCount.statements, without.statements]).toEqual([2, 1]);
    });

    it("when a page of results with their authors is read, then it costs the same statements at 1 and 20 per page", async () => {
      for (const order of ["RELEVANCE", "NEWEST"] as const) {
        const costs = [];
        for (const first of [1, 20]) {
          const { statements, errors } = await api.countStatements(SEARCH, { variables: { query: "lemur", order, first } });
          expect(errors).toBeUndefined();
          costs.push(statements);
        }
        // The page, then its authors.
        expect(costs).toEqual([2, 2]);
      }
    });
  });

  describe("bad and hostile queries", () => {
    it.each([
      ["blank", ""],
      ["only spaces", "   \t  "],
      ["only punctuation", "*** ( ) : ^ !"],
      ["only excluded words", "-fox -badger"],
      ["an empty phrase", '""'],
      [`${MAX_QUERY_LENGTH + 1} characters`, "a".repeat(MAX_QUERY_LENGTH + 1)],
      [`${MAX_QUERY_LENGTH + 1} characters of emoji`, "😀".repeat(MAX_QUERY_LENGTH + 1)],
    ])("when the query is %s, then BAD_USER_INPUT on query", async (_, query) => {
      expect(await refusal(query)).toEqual({ code: "BAD_USER_INPUT", field: "query" });
    });

    it(`when the query is ${MAX_QUERY_LENGTH} characters, then it is searched`, async () => {
      expect(await bodies(`${"lemur ".repeat(MAX_QUERY_LENGTH / 8)}`.padEnd(MAX_QUERY_LENGTH, "x"))).toEqual([]);
      expect(await bodies(`fox ${"-".repeat(MAX_QUERY_LENGTH - 4)}`)).toHaveLength(2);
    });

    it("when both the query and first are wrong, then both are reported", async () => {
      const response = await api.gql(SEARCH, { variables: { query: "", first: 101 } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(JSON.stringify(response.errors)).toContain('"field":"first"');
      expect(JSON.stringify(response.errors)).toContain('"field":"query"');
    });

    // What FTS5 and tsquery read as syntax, SQL, and text no one types: each is a plain search.
    const HOSTILE = [
      "fox*", "*", "fox*:*", "fo*x", "(fox", "fox)", "((fox))", "fox:", "body:fox", "{body}: fox", "- fox", "--fox", "fox -",
      "NEAR(fox badger)", "NEAR(fox badger, 2)", "fox NEAR badger", "fox AND badger", "fox NOT badger", "NOT fox",
      "AND", "OR", "NOT", "fox OR", "OR fox", "^fox", "fox^2", "+fox", "fox + badger", '"fox', 'fox"', '"""', '"fox" "',
      "'", "''", "fox'", "'fox' & 'badger'", "fox & badger", "fox | badger", "!fox", "!!fox", "fox <-> badger", "fox <2> badger",
      "fox:A", "fox:*B", "\\", "\\\\fox", "fox\\", "'; drop table posts; --", '" OR 1=1 --', "1; select * from users",
      "fox\u0000badger", "\u0000", "\ud800fox", "fox\udfff", "\udc00\ud800", "a".repeat(256), `${"x".repeat(255)} `,
      "😀 fox 😀", "🦊", "ｆｏｘ", "fox\u200bbadger", "\u202efox", "fox\r\nbadger", "%", "_", "fox%", "%fox%",
      "$1", "?", ":query", "@fox", "#fox", "fox.", "...", "e-mail", "-", "—fox", "ﬁsh", "İstanbul", "straße", "ΣΊΣΥΦΟΣ",
      "\u0301", "fox \u0301\u0301", "a or -b", "-a or b", "or", "or or or", "𝒜".repeat(256), "½ ²", '"a ½ b"', "\ue000",
    ];

    it(`when any of ${HOSTILE.length} hostile queries is searched, in either order, then a result or BAD_USER_INPUT, never another error`, async () => {
      expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
      for (const query of HOSTILE) {
        for (const order of ["RELEVANCE", "NEWEST"] as const) {
          const response = await api.gql(SEARCH, { variables: { query, order } });
          expect(response.status, query).toBe(200);
          if (response.errors) {
            expect(response.errors, query).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "query" } })]);
          } else {
            expect(Array.isArray(response.data!.searchPosts.nodes), query).toBe(true);
          }
          const count = await api.gql(SEARCH_COUNT, { variables: { query } });
          expect(count.status, query).toBe(200);
          expect(count.errors ?? [{ extensions: { code: "BAD_USER_INPUT", field: "query" } }], query).toEqual([
            expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "query" } }),
          ]);
        }
      }
    });

    it("when operators of either engine are typed, then they are searched as words", async () => {
      expect(await bodies("NEAR(quick fox)")).toEqual(await bodies("near quick fox"));
      expect(await bodies("fox AND brown")).toEqual(["The fox is quick and brown"]);
      expect(await bodies("fox:*")).toEqual(await bodies("fox"));
      expect(await bodies("fox & badger")).toEqual([]);
      expect(await bodies("fox\u0000badger")).toEqual([]);
      expect(await bodies("'fox'")).toEqual(await bodies("fox"));
    });
  });

  describe("freshness", () => {
    it("when a post is written, then the next search finds it; when deleted, never again", async () => {
      const id = await post("A narwhal appears");
      expect(await bodies("narwhals")).toEqual(["A narwhal appears"]);
      const response = await api.gql(DELETE, { variables: { id }, token: author.token });
      expect(response.errors).toBeUndefined();
      expect(await bodies("narwhal")).toEqual([]);
      expect(await bodies("narwhal", "NEWEST")).toEqual([]);
      expect((await api.gql(SEARCH_COUNT, { variables: { query: "narwhal" } })).data!.searchPosts.totalCount).toBe(0);
    });
  });

  describe("languages", () => {
    const languageOf = async (body: string) => {
      const id = await post(body);
      return (await api.gql(LANGUAGE, { variables: { id } })).data!.post!.language;
    };

    it("when a post is long enough to tell, then its language is recorded; when short or ambiguous, null", async () => {
      expect(await languageOf("Just finished reading a great book about the history of Rome and its emperors.")).toBe("en");
      expect(await languageOf("Hoy fui al mercado a comprar frutas y verduras frescas para la cena de esta noche.")).toBe("es");
      expect(await languageOf("Je suis allé au marché ce matin pour acheter du pain frais et du fromage.")).toBe("fr");
      expect(await languageOf("Hello there")).toBeNull();
      expect(await languageOf("running running running")).toBeNull();
      // Portuguese or Spanish? Too close to call.
      expect(await languageOf("Eu adoro este lugar, a comida é ótima")).toBeNull();
    });

    it("when a post's language has a stemmer on the engine, then its words are found by their stem in that language", async () => {
      await post("Los niños corrían en el parque cada mañana, felices y sin preocupaciones.");
      // SQLite stems every post as English; PostgreSQL stems this one as Spanish.
      expect(await bodies("corrían")).toHaveLength(1);
      expect(await bodies("preocupado")).toHaveLength(engine === "postgres" ? 1 : 0);
    });
  });

  describe("searchUsers", () => {
    let names: string[];

    beforeAll(async () => {
      names = ["Mentionable", "mention_me", "mentor", "MENTAL.health", "men-at-work", "mentions"];
      for (const username of names) await registerUser(api, { username });
    });

    const usernames = async (prefix: string, first?: number) => {
      const response = await api.gql(SEARCH_USERS, { variables: { prefix, first } });
      expect(response.errors).toBeUndefined();
      return response.data!.searchUsers.map((user) => user.username);
    };

    it("when a prefix is typed, then users whose username starts with it, ignoring case, by username", async () => {
      expect(await usernames("MENT")).toEqual(["MENTAL.health", "mention_me", "Mentionable", "mentions", "mentor"]);
      expect(await usernames("mention")).toEqual(["mention_me", "Mentionable", "mentions"]);
      expect(await usernames("men-")).toEqual(["men-at-work"]);
      expect(await usernames("mentionable")).toEqual(["Mentionable"]);
      expect(await usernames("mentionables")).toEqual([]);
      expect(await usernames("men", 2)).toEqual(["men-at-work", "MENTAL.health"]);
    });

    it("when the prefix holds characters no username may, then nobody, and nothing is read", async () => {
      for (const prefix of ["men%", "men_%", "men*", "m n", "mén", "men'", "\u0000", "\ud800", "😀", "ment~", "ment\u007f"]) {
        expect(await usernames(prefix), prefix).toEqual([]);
      }
      expect(await api.countStatements(SEARCH_USERS, { variables: { prefix: "men%" } })).toMatchObject({ statements: 0 });
      expect(await api.countStatements(SEARCH_USERS, { variables: { prefix: "men" } })).toMatchObject({ statements: 1 });
    });

    it.each([
      ["an empty prefix", { prefix: "" }, "prefix"],
      ["a prefix of 65 characters", { prefix: "m".repeat(65) }, "prefix"],
      ["first 0", { prefix: "men", first: 0 }, "first"],
      ["first 51", { prefix: "men", first: 51 }, "first"],
      ["first -1", { prefix: "men", first: -1 }, "first"],
    ])("when given %s, then BAD_USER_INPUT on that field", async (_, variables, field) => {
      const response = await api.gql(SEARCH_USERS, { variables });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    });

    it("when given the limits themselves (1 and 64 characters, first 1 and 50), then they are served", async () => {
      expect(await usernames("m", 1)).toEqual(["men-at-work"]);
      expect((await usernames("m", 50)).length).toBe(names.length);
      expect(await usernames("m".repeat(64))).toEqual([]);
    });
  });
});
