import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { createServer, type Server } from "../../src/server.ts";
import { testConfig } from "../helpers/api.ts";
import { engines, executeBeside, migratedDatabase, scratchDatabase } from "../helpers/database.ts";

/** A server in the given environment over a fresh database, keeping the lines it logs. */
function useServer(engine: (typeof engines)[number], env: Record<string, string>) {
  const state = {} as { server: Server; database: Database; lines: string[] };
  let destroy: () => Promise<void>;
  beforeAll(async () => {
    const migrated = await migratedDatabase(engine);
    state.lines = [];
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        state.lines.push(String(chunk));
        done();
      },
    });
    state.server = await createServer({ config: testConfig({ LOG_LEVEL: "info", ...env }), database: migrated.database, logDestination });
    state.database = migrated.database;
    destroy = migrated.destroy;
  });
  afterAll(async () => {
    await state.server?.app.close();
    await destroy?.();
  });
  return state;
}

const post = (server: Server, body: unknown, headers: Record<string, string> = {}) =>
  server.app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify(body) });

describe.each(engines)("production mode on %s", (engine) => {
  const state = useServer(engine, { NODE_ENV: "production" });

  it("when a client asks for the schema by introspection, then it is refused", async () => {
    const response = await post(state.server, { query: "{ __schema { types { name } } }" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("when a client misspells a field, then the error does not suggest the real one", async () => {
    const response = await post(state.server, { query: "{ me { usernam } }" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].message).not.toMatch(/Did you mean|username/);
  });

  it("when a browser on another origin asks, then no origin is allowed by default", async () => {
    const response = await state.server.app.inject({
      method: "OPTIONS",
      url: "/graphql",
      headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" },
    });
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("when a request could be a cross-site form post or a simple GET, then CSRF prevention refuses it", async () => {
    const form = await state.server.app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "text/plain" },
      payload: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(form.statusCode).toBe(400);
    const get = await state.server.app.inject({ method: "GET", url: "/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D" });
    expect(get.statusCode).toBe(400);
    const preflighted = await state.server.app.inject({
      method: "GET",
      url: "/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D",
      headers: { "apollo-require-preflight": "true" },
    });
    expect(preflighted.statusCode).toBe(200);
  });

  it("when a request is served, then one log line tells its id, operation, status and duration, and nothing secret", async () => {
    state.lines.length = 0;
    const password = "a secret passphrase";
    await post(state.server, {
      query: "mutation SignIn($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
      operationName: "SignIn",
      variables: { u: "nobody", p: password },
    });
    const requests = state.lines.map((line) => JSON.parse(line)).filter((line) => line.msg === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reqId: expect.any(String), operationName: "SignIn", status: 200, method: "POST", path: "/graphql" });
    expect(requests[0].durationMs).toEqual(expect.any(Number));
    expect(state.lines.join("")).not.toContain(password);
  });
});

describe.each(engines)("production mode with overrides on %s", (engine) => {
  const state = useServer(engine, { NODE_ENV: "production", INTROSPECTION: "true", CORS_ORIGINS: "https://app.example.com" });

  it("when INTROSPECTION is true, then the schema can be read", async () => {
    const response = await post(state.server, { query: "{ __schema { queryType { name } } }" });
    expect(response.json()).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("when CORS_ORIGINS lists an origin, then that origin is allowed and others are not", async () => {
    const preflight = (origin: string) =>
      state.server.app.inject({
        method: "OPTIONS",
        url: "/graphql",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    expect((await preflight("https://app.example.com")).headers["access-control-allow-origin"]).toBe("https://app.example.com");
    expect((await preflight("https://evil.example")).headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe.each(engines)("readiness on %s", (engine) => {
  const state = useServer(engine, {});

  it("when the database is migrated, then /readyz and /healthz answer 200", async () => {
    expect((await state.server.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
    expect((await state.server.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });

  it("when a migration this build knows has not been applied, then /readyz answers 503 and /healthz still 200", async () => {
    const scratch = await scratchDatabase(engine);
    const database = openDatabase(scratch.target);
    const { app } = await createServer({ config: testConfig(), database });
    try {
      expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
      expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
      await database.migrate();
      const bookkeeping = engine === "sqlite" ? "__drizzle_migrations" : "drizzle.__drizzle_migrations";
      await executeBeside(scratch.target, `delete from ${bookkeeping} where id = (select max(id) from ${bookkeeping})`);
      expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    } finally {
      await app.close();
      await database.close();
      await scratch.destroy();
    }
  });
});
