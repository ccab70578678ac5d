import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "../../src/server.ts";
import { testConfig, useTestApi } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const LOGIN = graphql(`mutation RateLimitsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);
const REGISTER = graphql(`mutation RateLimitsRegister ($input: RegisterInput!) { register(input: $input) { token } }`);
const CHANGE_PASSWORD = graphql(`mutation RateLimitsChangePassword { changePassword(currentPassword: "not it at all", newPassword: "something new") }`);
const LIMITS = { AUTH_RATE_LIMIT: "3", LOGIN_USERNAME_RATE_LIMIT: "2", RATE_LIMIT_WINDOW_SECONDS: "60" };

/** A made-up client address, new on every call, so that runs and tests never share a budget. */
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function expectRateLimited(response: { status: number; headers: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] }) {
  expect(response.status).toBe(429);
  expect(response.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  const retryAfter = Number(response.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe.each(engines)("rate limits on %s", (engine) => {
  const api = useTestApi(engine, { env: LIMITS });
  const login = (username: string, address: string) =>
    api.gql(LOGIN, { variables: { username, password: "wrong password" }, address });

  it("when one address tries to log in more often than allowed, then 429 RATE_LIMITED with Retry-After, and other addresses go on", async () => {
    const address = freshAddress();
    for (const username of ["a1", "a2", "a3"]) {
      expect((await login(username, address)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expectRateLimited(await login("a4", address));
    expect((await login("a5", freshAddress())).status).toBe(200);
  });

  it("when one username is tried from many addresses, then its own budget runs out", async () => {
    expect((await login("victim", freshAddress())).status).toBe(200);
    expect((await login("VICTIM", freshAddress())).status).toBe(200);
    expectRateLimited(await login("victim", freshAddress()));
  });

  it("when one address registers more often than allowed, then 429, and the refused account is not made", async () => {
    const address = freshAddress();
    const register = (n: number) =>
      api.gql(REGISTER, { variables: { input: { username: `flood${n}`, email: `flood${n}@example.com`, password: "password1" } }, address });
    for (const n of [1, 2, 3]) expect((await register(n)).errors).toBeUndefined();
    expectRateLimited(await register(4));
    expect((await api.gql(graphql(`query RateLimitsUser { user(username: "flood4") { id } }`))).data!.user).toBeNull();
  });

  it("when one address tries passwords through changePassword more often than allowed, then 429", async () => {
    const user = await registerUser(api);
    const address = freshAddress();
    for (let i = 0; i < 3; i++) {
      const response = await api.gql(CHANGE_PASSWORD, { token: user.token, address });
      expect(response.errors?.[0]?.extensions?.field).toBe("currentPassword");
    }
    expectRateLimited(await api.gql(CHANGE_PASSWORD, { token: user.token, address }));
  });
});

/** Like TEST_DATABASE_URL: the Redis tests run where a server is named (CI names one). */
const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(redisUrl).each(engines)("rate limits shared through Redis on %s", (engine) => {
  const servers: Server[] = [];
  let destroy: () => Promise<void>;

  beforeAll(async () => {
    const migrated = await migratedDatabase(engine);
    destroy = migrated.destroy;
    for (const url of [redisUrl!, redisUrl!, "redis://127.0.0.1:1"]) {
      servers.push(await createServer({ config: testConfig({ ...LIMITS, REDIS_URL: url }), database: migrated.database }));
    }
  });

  afterAll(async () => {
    for (const server of servers) await server.app.close();
    await destroy?.();
  });

  const login = (server: Server, address: string) =>
    server.app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json" },
      payload: { query: LOGIN, variables: { username: `someone${randomInt(1e9)}`, password: "wrong password" } },
      remoteAddress: address,
    });

  it("when two instances share Redis, then one address has one budget across both", async () => {
    const [first, second] = servers as [Server, Server];
    const address = freshAddress();
    expect((await login(first, address)).statusCode).toBe(200);
    expect((await login(second, address)).statusCode).toBe(200);
    expect((await login(first, address)).statusCode).toBe(200);
    const refused = await login(second, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().errors[0].extensions.code).toBe("RATE_LIMITED");
  });

  it("when Redis cannot be reached, then the instance limits on its own memory rather than failing", async () => {
    const unreachable = servers[2]!;
    const address = freshAddress();
    for (let i = 0; i < 3; i++) expect((await login(unreachable, address)).statusCode).toBe(200);
    expect((await login(unreachable, address)).statusCode).toBe(429);
  });
});

