import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "../../src/server.ts";
import { createServer } from "../../src/server.ts";
import { testConfig } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";

const post = (server: Server, query: string, token?: string) =>
  server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: { query },
  });

/** Retries `check` until it passes or `ms` have gone by. */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe.runIf(engines.includes("postgres"))("a database outage on postgres", () => {
  let server: Server;
  let destroy: () => Promise<void>;
  let admin: postgres.Sql;
  let name: string;
  let token: string;

  beforeAll(async () => {
    const migrated = await migratedDatabase("postgres");
    destroy = migrated.destroy;
    name = new URL((migrated.target as { url: string }).url).pathname.slice(1);
    admin = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    server = await createServer({ config: testConfig(), database: migrated.database });
    const registered = await post(server, `mutation { register(input: { username: "steady", email: "steady@example.com", password: "password1" }) { token } }`);
    token = registered.json().data.register.token;
  });

  afterAll(async () => {
    await admin?.unsafe(`alter database ${name} allow_connections true`);
    await admin?.end();
    await server?.app.close();
    await destroy?.();
  });

  it("when the database goes away, then requests fail as a masked INTERNAL_SERVER_ERROR and /readyz turns 503; when it returns, all recover by themselves", async () => {
    await admin.unsafe(`alter database ${name} allow_connections false`);
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);

    // A resolver that fails is a field error (HTTP 200); a token that cannot be checked fails the whole request (500).
    for (const [response, status] of [
      [await post(server, `{ posts { totalCount } }`), 200],
      [await post(server, `{ me { username } }`, token), 500],
    ] as const) {
      expect(response.statusCode).toBe(status);
      const { errors } = response.json();
      expect(errors).toEqual([expect.objectContaining({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } })]);
      expect(response.body).not.toMatch(/terminat|connect|database|postgres|select/i);
    }
    expect((await server.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    expect((await server.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);

    await admin.unsafe(`alter database ${name} allow_connections true`);
    await eventually(async () => {
      expect((await server.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    });
    expect((await post(server, `{ posts { totalCount } }`)).json()).toEqual({ data: { posts: { totalCount: 0 } } });
    expect((await post(server, `{ me { username } }`, token)).json()).toEqual({ data: { me: { username: "steady" } } });
  }, 30_000);
});
