import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { argon2idHasher, type PasswordHasher } from "../../src/domain/passwords.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const REGISTER = graphql(`mutation AuthRegister ($input: RegisterInput!) { register(input: $input) { token user { id username email } } }`);
const LOGIN = graphql(`mutation AuthLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token user { username } } }`);
const ME = graphql(`query AuthMe { me { username email } }`);

/** The real hasher, counting the verifications it does. */
function countingHasher(): PasswordHasher & { verifications: number } {
  const real = argon2idHasher();
  const hasher = {
    verifications: 0,
    hash: real.hash,
    verify(passwordHash: string | null | undefined, password: string) {
      hasher.verifications += 1;
      return real.verify(passwordHash, password);
    },
  };
  return hasher;
}

describe.each(engines)("authentication on %s", (engine) => {
  const passwords = countingHasher();
  const api = useTestApi(engine, { passwords });

  const register = (input: Record<string, string>) =>
    api.gql(REGISTER, { variables: { input: { username: "alice", email: "alice@example.com", password: "password1", ...input } } });

  describe("register", () => {
    it("when the input is valid, then it creates the user, lowercases the email and returns a working token", async () => {
      const response = await register({ username: "Susan", email: "Susan@Example.COM" });
      expect(response.errors).toBeUndefined();
      const { token, user } = response.data!.register;
      expect(user).toMatchObject({ username: "Susan", email: "susan@example.com" });
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const me = await api.gql(ME, { token });
      expect(me.data!.me!).toEqual({ username: "Susan", email: "susan@example.com" });
    });

    it("when the username is taken in another case, then BAD_USER_INPUT on username", async () => {
      await register({ username: "john", email: "john@example.com" });
      const response = await register({ username: "JOHN", email: "other@example.com" });
      expect(response.errors?.[0]).toMatchObject({
        message: "Please use a different username.",
        extensions: { code: "BAD_USER_INPUT", field: "username" },
      });
    });

    it("when the email is taken in another case, then BAD_USER_INPUT on email", async () => {
      await register({ username: "mary", email: "mary@example.com" });
      const response = await register({ username: "mary2", email: "MARY@example.com" });
      expect(response.errors?.[0]).toMatchObject({
        message: "Please use a different email address.",
        extensions: { code: "BAD_USER_INPUT", field: "email" },
      });
    });

    it.each([
      ["username", { username: "" }],
      ["username", { username: "a".repeat(65) }],
      ["username", { username: "has space" }],
      ["username", { username: "émile" }],
      ["email", { email: "not-an-email" }],
      ["email", { email: "a@b" }],
      ["email", { email: `${"a".repeat(110)}@example.com` }],
      ["password", { password: "short" }],
      ["password", { password: "p".repeat(129) }],
    ])("when %s is invalid (%o), then BAD_USER_INPUT names it", async (field, input) => {
      const response = await register({ username: "valid_name", email: "valid@example.com", ...input });
      expect(response.status).toBe(200);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
    });

    it("when a username uses every allowed character at the longest length, then it is accepted", async () => {
      const username = `A.b_c-9${"x".repeat(57)}`;
      const response = await register({ username, email: "longest@example.com", password: "p".repeat(128) });
      expect(response.data?.register.user.username).toBe(username);
    });

    it("when registering, then the password is stored as an argon2id hash and never returned", async () => {
      const response = await register({ username: "hashcheck", email: "hashcheck@example.com", password: "s3cret-password" });
      expect(JSON.stringify(response)).not.toContain("s3cret-password");
      const user = await api.database.repos.users.byUsername("hashcheck");
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });
  });

  describe("login", () => {
    it("when the password is right, then a new token is issued, whatever the username's case", async () => {
      const user = await registerUser(api, { username: "Dana" });
      const response = await api.gql(LOGIN, { variables: { username: "dana", password: user.password } });
      expect(response.data!.login.user.username).toBe("Dana");
      expect(response.data!.login.token).not.toBe(user.token);
    });

    it("when signing in, then the payload shows the user their own email", async () => {
      const user = await registerUser(api);
      const response = await api.gql(graphql(`mutation AuthLogin2 ($u: String!, $p: String!) { login(username: $u, password: $p) { user { email } } }`), {
        variables: { u: user.username, p: user.password },
      });
      expect(response.data!.login.user.email).toBe(user.email);
    });

    it("when the password is wrong or the user unknown, then the same UNAUTHENTICATED message, after the same work", async () => {
      const user = await registerUser(api);
      const before = passwords.verifications;
      const wrong = await api.gql(LOGIN, { variables: { username: user.username, password: "wrong password" } });
      const unknown = await api.gql(LOGIN, { variables: { username: "nobody_here", password: "wrong password" } });
      const impossible = await api.gql(LOGIN, { variables: { username: "no\u0000body", password: "wrong password" } });
      // One argon2id verification each, whether or not there is such a user.
      expect(passwords.verifications - before).toBe(3);
      for (const response of [wrong, unknown, impossible]) {
        expect(response.data).toBeNull();
        expect(response.errors?.[0]).toMatchObject({
          message: "Invalid username or password",
          extensions: { code: "UNAUTHENTICATED" },
        });
      }
    });
  });

  describe("tokens", () => {
    it("when no token is sent, then the request is anonymous", async () => {
      const response = await api.gql(ME);
      expect(response.status).toBe(200);
      expect(response.data!.me!).toBeNull();
    });

    it.each([
      ["a malformed token", "Bearer not-a-token"],
      ["an unknown token", `Bearer ${"A".repeat(43)}`],
      ["another scheme", "Basic dXNlcjpwYXNz"],
      ["an empty bearer", "Bearer "],
    ])("when the request carries %s, then HTTP 401 UNAUTHENTICATED whatever it asks", async (_, authorization) => {
      const response = await api.gql(graphql(`query AuthPosts { posts { totalCount } }`), { authorization });
      expect(response.status).toBe(401);
      expect(response.headers["www-authenticate"]).toContain("Bearer");
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("when a token has expired, then HTTP 401", async () => {
      const user = await registerUser(api);
      expect((await api.gql(ME, { token: user.token })).status).toBe(200);
      api.advanceClock(3600 * 1000 + 1);
      try {
        const response = await api.gql(ME, { token: user.token });
        expect(response.status).toBe(401);
        expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      } finally {
        api.advanceClock(-(3600 * 1000 + 1));
      }
    });

    it("when logging out, then only the presented token is revoked", async () => {
      const user = await registerUser(api);
      const second = await api.gql(LOGIN, { variables: { username: user.username, password: user.password } });
      const otherToken: string = second.data!.login.token;

      const logout = await api.gql(graphql(`mutation AuthLogout { logout }`), { token: user.token });
      expect(logout.data).toEqual({ logout: true });

      expect((await api.gql(ME, { token: user.token })).status).toBe(401);
      const stillIn = await api.gql(ME, { token: otherToken });
      expect(stillIn.data!.me!.username).toBe(user.username);
    });

    it("when logging out anonymously, then UNAUTHENTICATED", async () => {
      const response = await api.gql(graphql(`mutation AuthLogout { logout }`));
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("when a token is issued, then only its SHA-256 is stored, with a 24-hour-or-configured expiry", async () => {
      const user = await registerUser(api);
      const sha256 = createHash("sha256").update(user.token).digest("hex");
      const session = await api.database.repos.tokens.sessionByHash(sha256);
      expect(session?.user.username).toBe(user.username);
      // The test server's TTL is an hour.
      expect(session!.expiresAt.getTime() - Date.now()).toBeGreaterThan(3590 * 1000);
      expect(session!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000);
      expect(await api.database.repos.tokens.sessionByHash(user.token)).toBeUndefined();
    });

    it("when a user signs in again after a token expired, then the expired token is swept", async () => {
      const user = await registerUser(api);
      const oldHash = createHash("sha256").update(user.token).digest("hex");
      api.advanceClock(3600 * 1000 + 1);
      try {
        await api.gql(LOGIN, { variables: { username: user.username, password: user.password } });
        expect(await api.database.repos.tokens.sessionByHash(oldHash)).toBeUndefined();
      } finally {
        api.advanceClock(-(3600 * 1000 + 1));
      }
    });

    it("when authenticated, then the token costs one statement", async () => {
      const user = await registerUser(api);
      const response = await api.countStatements(ME, { token: user.token });
      expect(response).toEqual({ statements: 1, errors: undefined });
    });
  });
});
