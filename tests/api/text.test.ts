import { describe, expect, it } from "vitest";
import { rowIdOf } from "../../src/domain/ids.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines, selectBeside } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const CREATE_POST = graphql(`mutation TextCreatePost ($body: String!) { createPost(body: $body) { id body } }`);
const UPDATE_ABOUT = graphql(`mutation TextUpdateProfile ($aboutMe: String) { updateProfile(input: { aboutMe: $aboutMe }) { aboutMe } }`);
const REGISTER = graphql(`mutation TextRegister ($input: RegisterInput!) { register(input: $input) { user { username } } }`);
const LOGIN = graphql(`mutation TextLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);

const marks = (n: number) => "e" + "\u0301".repeat(n);

/** Text no field may hold, and why. */
const REFUSED: [string, string][] = [
  ["a lone high surrogate", "abc\ud800def"],
  ["a lone low surrogate", "\udfffabc"],
  ["NUL", "a\u0000b"],
  ["a C0 control", "bell\u0007"],
  ["DEL", "rub\u007fout"],
  ["a C1 control", "next\u0085line"],
  ["another C1 control", "csi\u009b31m"],
  ["11 combining marks on one character", marks(11)],
];

describe.each(engines)("text hygiene on %s", (engine) => {
  const api = useTestApi(engine);

  it.each(REFUSED)("when a post holds %s, then BAD_USER_INPUT on body and nothing is stored", async (_, text) => {
    const author = await registerUser(api);
    const response = await api.gql(CREATE_POST, { variables: { body: text }, token: author.token });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
    expect(await selectBeside(api.target, `select id from posts where user_id = ${author.rowId}`)).toEqual([]);
  });

  it.each(REFUSED)("when about me holds %s, then BAD_USER_INPUT on aboutMe", async (_, text) => {
    const user = await registerUser(api);
    const response = await api.gql(UPDATE_ABOUT, { variables: { aboutMe: text }, token: user.token });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "aboutMe" });
  });

  it.each([
    ...REFUSED,
    ["a newline", "pass\nword"],
    ["a tab", "pass\tword"],
  ])("when a new password holds %s, then BAD_USER_INPUT on password, and it is refused rather than altered", async (_, text) => {
    const password = `${text}-long-enough`;
    const response = await api.gql(REGISTER, {
      variables: { input: { username: `pw${Math.random().toString(36).slice(2, 10)}`, email: "pw@example.com", password } },
    });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "password" });
  });

  it("when two passwords differ only in their lone surrogates, then neither can be set, nor used to sign in", async () => {
    const user = await registerUser(api);
    for (const password of ["secret\ud800secret", "secret\udbffsecret"]) {
      const login = await api.gql(LOGIN, { variables: { username: user.username, password } });
      expect(login.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "password" });
    }
  });

  it.each(REFUSED)("when a username or an email holds %s, then BAD_USER_INPUT on that field", async (_, text) => {
    const username = await api.gql(REGISTER, { variables: { input: { username: `u${text}`, email: "u@example.com", password: "password1" } } });
    expect(username.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
    const email = await api.gql(REGISTER, { variables: { input: { username: "okname", email: `a${text}@example.com`, password: "password1" } } });
    expect(email.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "email" });
  });

  it("when a post holds newlines (CR LF too), tabs and 10 combining marks on a character, then it is stored with LF newlines", async () => {
    const author = await registerUser(api);
    const response = await api.gql(CREATE_POST, { variables: { body: `first\r\nsecond\rthird\n\tfourth ${marks(10)}` }, token: author.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createPost.body).toBe(`first\nsecond\nthird\n\tfourth ${"e" + "\u0301".repeat(10)}`.normalize("NFC"));
  });

  it("when a post is written decomposed (NFD), then it is stored and read back composed (NFC), and 140 characters of it fit", async () => {
    const author = await registerUser(api);
    const decomposed = "e\u0301".repeat(140); // 280 code points, 140 characters once composed
    const response = await api.gql(CREATE_POST, { variables: { body: decomposed }, token: author.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createPost.body).toBe("\u00e9".repeat(140));
    const [row] = await selectBeside(api.target, `select body from posts where id = ${rowIdOf(response.data!.createPost.id, "Post")}`);
    expect(row!.body).toBe("\u00e9".repeat(140));
    const over = await api.gql(CREATE_POST, { variables: { body: "\u00e9".repeat(141) }, token: author.token });
    expect(over.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "body" });
  });

  it("when a 140-character post is made of astral characters, then it reads back as the same 140 characters", async () => {
    const author = await registerUser(api);
    const body = "😀".repeat(140);
    const response = await api.gql(CREATE_POST, { variables: { body }, token: author.token });
    expect(response.errors).toBeUndefined();
    const read = await api.gql(graphql(`query TextPost ($id: ID!) { post(id: $id) { body } }`), { variables: { id: response.data!.createPost.id } });
    expect([...read.data!.post!.body]).toHaveLength(140);
    expect(read.data!.post!.body).toBe(body);
  });
});
