import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { Server } from "../../src/server.ts";
import { loadConfig } from "../../src/config.ts";
import { createServer } from "../../src/server.ts";
import { testConfig, type Document } from "../helpers/api.ts";
import { openSideConnection, type SideConnection } from "../../src/db/side.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";
import { startRelay, throughRelay, type Relay } from "../helpers/proxy.ts";
import { graphql } from "../generated/gql.ts";

const post = <Data, Variables>(server: Server, query: Document<Data, Variables>, token?: string) =>
  server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: { query: query.toString() },
  });

const REGISTER = graphql(`mutation FaultsRegister { register(input: { username: "steady", email: "steady@example.com", password: "password1" }) { token } }`);

/** Retries `check` until it passes or `ms` have gone by. */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A 503 SERVICE_UNAVAILABLE with Retry-After that says nothing of the database. */
function expectUnavailable(response: Awaited<ReturnType<typeof post>>) {
  expect(response.statusCode).toBe(503);
  expect(Number(response.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(response.json().errors).toEqual([expect.objectContaining({ extensions: { code: "SERVICE_UNAVAILABLE" } })]);
  expect(response.body).not.toMatch(/terminat|connect|database|postgres|sqlite|select|lock|timeout|cancel/i);
}

/** Timed: how long `work` took, in milliseconds, with its result. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** The database time limits a server starts with when none is set. */
const TIMEOUTS = loadConfig({}).databaseTimeouts;

/**
 * Locks `table` (PostgreSQL) or takes the write lock (SQLite) from a connection of its own, until
 * the returned function releases it (the first time it is called).
 */
async function lockTable(target: DatabaseTarget, table: "posts" | "users"): Promise<() => Promise<void>> {
  const side = openSideConnection(target);
  const unlock = await side.lock(table);
  let released: Promise<void> | undefined;
  return () => (released ??= unlock().then(() => side.close()));
}

describe.runIf(engines.includes("postgres"))("a database outage on postgres", () => {
  let server: Server;
  let destroy: () => Promise<void>;
  let admin: SideConnection;
  let name: string;
  let token: string;

  beforeAll(async () => {
    const migrated = await migratedDatabase("postgres", { timeouts: TIMEOUTS });
    destroy = migrated.destroy;
    name = new URL((migrated.target as { url: string }).url).pathname.slice(1);
    admin = openSideConnection({ dialect: "postgres", url: process.env.TEST_DATABASE_URL! });
    server = await createServer({ config: testConfig(), database: migrated.database });
    token = (await post(server, REGISTER)).json().data!.register.token;
  });

  afterAll(async () => {
    await admin?.execute(`alter database ${name} allow_connections true`);
    await admin?.close();
    await server?.app.close();
    await destroy?.();
  });

  it("when the database goes away, then a failing resolver and a token that cannot be checked are both 503 SERVICE_UNAVAILABLE, /readyz turns 503; when it returns, all recover by themselves", async () => {
    await admin.execute(`alter database ${name} allow_connections false`);
    await admin.execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);

    expectUnavailable(await post(server, `{ posts { totalCount } }`));
    expectUnavailable(await post(server, `{ me { username } }`, token));
    expect((await server.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    expect((await server.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);

    await admin.execute(`alter database ${name} allow_connections true`);
    await eventually(async () => {
      expect((await server.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    });
    expect((await post(server, `{ posts { totalCount } }`)).json()).toEqual({ data: { posts: { totalCount: 0 } } });
    expect((await post(server, `{ me { username } }`, token)).json()).toEqual({ data: { me: { username: "steady" } } });
  }, 30_000);

  it("when every connection is terminated under load, then every request made from 3 s after succeeds, and none waits longer than 5 s", async () => {
    const started = performance.now();
    const asked: { at: number; ms: number; status: number }[] = [];
    const client = async () => {
      while (performance.now() < started + 6_000) {
        const at = performance.now();
        const { result, ms } = await timed(() => post(server, `{ me { username } posts(first: 5) { nodes { id } } }`, token));
        asked.push({ at, ms, status: result.statusCode });
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const terminatedAt = performance.now();
    await admin.execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    await Promise.all(clients);
    expect(Math.max(...asked.map((request) => request.ms))).toBeLessThan(5_000);
    const late = asked.filter((request) => request.at > terminatedAt + 3_000);
    expect(late.length).toBeGreaterThan(10);
    expect(late.filter((request) => request.status !== 200)).toEqual([]);
    // Whatever failed in between failed as a 503 the client may retry, never as a 500.
    expect(asked.filter((request) => request.status !== 200 && request.status !== 503)).toEqual([]);
  }, 30_000);
});

describe.runIf(engines.includes("postgres"))("a PostgreSQL restart (through a relay the test takes down and brings back) on postgres", () => {
  let relay: Relay;
  let server: Server;
  let destroy: () => Promise<void>;
  let relayed: Database;
  let token: string;

  beforeAll(async () => {
    const migrated = await migratedDatabase("postgres");
    destroy = migrated.destroy;
    const upstream = new URL(process.env.TEST_DATABASE_URL!);
    relay = await startRelay({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    const { openDatabase } = await import("../../src/db/database.ts");
    relayed = openDatabase({ dialect: "postgres", url: throughRelay((migrated.target as { url: string }).url, relay) }, { poolSize: 4, timeouts: TIMEOUTS });
    server = await createServer({ config: testConfig(), database: relayed });
    token = (await post(server, REGISTER)).json().data!.register.token;
  });

  afterAll(async () => {
    await server?.app.close();
    await relayed?.close();
    await relay?.close();
    await destroy?.();
  });

  it("when the database is down for a second and comes back, then requests fail fast with 503 meanwhile and all succeed within 3 s after, none waiting over 5 s", async () => {
    const waits: number[] = [];
    const ask = async () => {
      const { result, ms } = await timed(() => post(server, `{ me { username } }`, token));
      waits.push(ms);
      return result;
    };
    expect((await ask()).statusCode).toBe(200);
    await relay.down();
    for (let i = 0; i < 5; i++) expectUnavailable(await ask());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await relay.up();
    const back = performance.now();
    await eventually(async () => {
      expect((await ask()).statusCode).toBe(200);
    }, 3_000);
    expect(performance.now() - back).toBeLessThan(3_000);
    const after = await Promise.all(Array.from({ length: 20 }, ask));
    expect(after.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    expect(Math.max(...waits)).toBeLessThan(5_000);
  }, 30_000);
});

describe.each(engines)("database time limits on %s", (engine) => {
  let server: Server;
  let database: Database;
  let destroy: () => Promise<void>;
  let target: Awaited<ReturnType<typeof migratedDatabase>>["target"];
  let token: string;

  beforeAll(async () => {
    const migrated = await migratedDatabase(engine, { poolSize: 2, timeouts: TIMEOUTS });
    ({ database, destroy, target } = migrated);
    server = await createServer({ config: testConfig(), database });
    token = (await post(server, REGISTER)).json().data!.register.token;
  });

  afterAll(async () => {
    await server?.app.close();
    await destroy?.();
  });

  it("when a table is locked for longer than the lock timeout, then a request that needs it fails with 503 within the timeout instead of waiting", async () => {
    const release = await lockTable(target, "posts");
    try {
      const { result, ms } = await timed(() => post(server, `mutation { createPost(body: "waiting") { id } }`, token));
      expectUnavailable(result);
      expect(ms).toBeLessThan(TIMEOUTS.lockMs + 1_500);
    } finally {
      await release();
    }
    expect((await post(server, `mutation { createPost(body: "after") { id } }`, token)).json().errors).toBeUndefined();
  });
});

describe.runIf(engines.includes("postgres"))("PostgreSQL's own time limits on postgres", () => {
  it("when requests hold every pooled connection, then /readyz still answers 200 at once", async () => {
    const migrated = await migratedDatabase("postgres", { poolSize: 2, timeouts: TIMEOUTS });
    const server = await createServer({ config: testConfig(), database: migrated.database });
    const release = await lockTable(migrated.target, "posts");
    try {
      const stuck = Array.from({ length: 2 }, () => post(server, `{ posts { totalCount } }`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { result, ms } = await timed(() => server.app.inject({ method: "GET", url: "/readyz" }));
      expect(result.statusCode).toBe(200);
      expect(ms).toBeLessThan(TIMEOUTS.lockMs);
      await Promise.all(stuck);
    } finally {
      await release();
      await server.app.close();
      await migrated.destroy();
    }
  });

  it("when a statement waits longer than the statement timeout (with no lock timeout), then the request fails with 503 within it", async () => {
    const migrated = await migratedDatabase("postgres", { timeouts: { ...TIMEOUTS, lockMs: 0, statementMs: 400 } });
    const server = await createServer({ config: testConfig(), database: migrated.database });
    const release = await lockTable(migrated.target, "users");
    try {
      const { result, ms } = await timed(() => post(server, `{ users { totalCount } }`));
      expectUnavailable(result);
      expect(ms).toBeLessThan(1_900);
    } finally {
      await release();
      await server.app.close();
      await migrated.destroy();
    }
  });
});

describe.runIf(engines.includes("postgres"))("the response deadline on postgres", () => {
  it("when the database gives no answer at all (no statement or lock timeout), then the client is answered 503 at RESPONSE_TIMEOUT_MS, and the server goes on", async () => {
    const migrated = await migratedDatabase("postgres", { timeouts: { ...TIMEOUTS, lockMs: 0, statementMs: 0 } });
    const server = await createServer({ config: testConfig({ RESPONSE_TIMEOUT_MS: "300" }), database: migrated.database });
    const release = await lockTable(migrated.target, "users");
    try {
      const { result, ms } = await timed(() => post(server, `{ users { totalCount } }`));
      expectUnavailable(result);
      expect(result.json().errors[0].message).toMatch(/took too long/);
      expect(ms).toBeLessThan(1_300);
      await release();
      expect((await post(server, `{ users { totalCount } }`)).json()).toEqual({ data: { users: { totalCount: 0 } } });
    } finally {
      await release();
      await server.app.close();
      await migrated.destroy();
    }
  });
});
