import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/database.ts";
import { migrationsFolder } from "../../src/db/migrations.ts";
import { createServer } from "../../src/server.ts";
import { testConfig, useTestApi } from "../helpers/api.ts";
import { engines, executeBeside, migratedDatabase, scratchDatabase, selectBeside } from "../helpers/database.ts";
import { startServerProcess } from "../helpers/process.ts";

const run = promisify(execFile);
const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

describe.each(engines)("HTTP endpoint on %s", (engine) => {
  const api = useTestApi(engine);

  it("when /healthz is asked, then the process answers that it is alive", async () => {
    const response = await api.server.app.inject({ method: "GET", url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("when the body is not JSON, then HTTP 400, not 500", async () => {
    const response = await api.server.app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(response.statusCode).toBe(400);
  });

  it("when a query has a syntax error, then HTTP 400 with GRAPHQL_PARSE_FAILED", async () => {
    const response = await api.gql(`{ posts { `);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("when a variable has the wrong type, then BAD_USER_INPUT", async () => {
    // A plain string: the typed document would not let the test send the wrong type.
    const response = await api.gql(`query ($first: Int) { posts(first: $first) { totalCount } }`, {
      variables: { first: "many" },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe.each(engines)("database failures on %s", (engine) => {
  /**
   * Makes every insert into users fail inside the database. PostgreSQL's error quotes the row in
   * its detail, as its own constraint errors do ("Failing row contains …").
   */
  const REFUSE_USER_INSERTS = {
    sqlite: `create trigger refuse before insert on users begin select raise(abort, 'disk on fire'); end;`,
    postgres: `create function refuse() returns trigger language plpgsql as $$
                 begin raise exception 'disk on fire' using detail = 'Failing row contains ' || new.email || ', ' || new.password_hash; end $$;
               create trigger refuse before insert on users for each row execute function refuse();`,
  };

  it("when the database fails mid-request, then a bare INTERNAL_SERVER_ERROR, and logs without secrets", async () => {
    const { database, target, destroy } = await migratedDatabase(engine);
    await executeBeside(target, REFUSE_USER_INSERTS[engine]);
    const lines: string[] = [];
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app } = await createServer({
      config: testConfig({ NODE_ENV: "development", LOG_LEVEL: "info" }),
      database,
      logDestination,
    });
    try {
      const response = await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: {
          query: `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
          variables: { input: { username: "victim", email: "victim@example.com", password: "hunter2hunter2" } },
        },
      });
      await app.inject({
        method: "GET",
        url: `/graphql?query=${encodeURIComponent("query ($p: String) { me { id } }")}&variables=${encodeURIComponent('{"p":"hunter2hunter2"}')}`,
        headers: { authorization: "Bearer secret-token-value" },
      });
      const body = response.json();
      expect(body.errors).toEqual([
        { message: "Internal server error", locations: expect.any(Array), path: ["register"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
      ]);
      const log = lines.join("");
      const errorLine = lines.find((line) => line.includes('"level":50'));
      expect(errorLine).toContain('"reqId":"req-');
      expect(log).toContain("Failed query: insert into");
      expect(log).toContain("disk on fire");
      expect(log).toContain('"path":"/graphql"');
      for (const secret of ["victim@example.com", "$argon2id", "hunter2hunter2", "secret-token-value"]) {
        expect(log).not.toContain(secret);
      }
    } finally {
      await app.close();
      await destroy().catch(() => {});
    }
  });
});

describe("Apollo Sandbox", () => {
  async function landingPage(mode: "development" | "production") {
    const scratch = await scratchDatabase("sqlite");
    const database = openDatabase(scratch.target);
    const { app } = await createServer({ config: testConfig({ NODE_ENV: mode }), database });
    try {
      return await app.inject({ method: "GET", url: "/graphql", headers: { accept: "text/html" } });
    } finally {
      await app.close();
      await database.close();
      await scratch.destroy();
    }
  }

  it("when developing, then a browser's GET of /graphql gets the Sandbox", async () => {
    const response = await landingPage("development");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    expect(response.body).toContain("embeddable-sandbox");
  });

  it("when in production, then there is no Sandbox", async () => {
    const response = await landingPage("production");
    expect(response.body).not.toContain("embeddable-sandbox");
  });
});

describe("start-up configuration", () => {
  it("when nothing is set, then development on port 4000 with SQLite app.db in the project root, 24-hour tokens, migrating on start", () => {
    expect(loadConfig({})).toEqual({
      mode: "development",
      database: { dialect: "sqlite", path: join(projectRoot, "app.db") },
      databasePoolSize: 10,
      databaseTimeouts: { statementMs: 3_000, lockMs: 1_000, idleInTransactionMs: 10_000, connectMs: 2_000, reconnectMaxDelayMs: 1_000 },
      sqliteSynchronous: "FULL",
      maxFollowing: 5_000,
      notificationRetentionDays: 30,
      maxSubscriptionsPerConnection: 20,
      httpTimeouts: { headersMs: 10_000, requestMs: 20_000, responseMs: 4_000 },
      host: "0.0.0.0",
      port: 4000,
      logLevel: "info",
      tokenTtlSeconds: 86_400,
      migrateOnStart: true,
      introspection: true,
      corsOrigins: true,
      trustProxy: false,
      shutdownTimeoutSeconds: 10,
      limits: { bodyBytes: 102_400, depth: 10, cost: 10_000, aliases: 15, directives: 20, tokens: 2_000 },
      rateLimits: {
        authPerAddress: 10,
        loginPerUsername: 5,
        followsPerUser: 100,
        messagesPerUser: 30,
        passwordResetsPerAddress: 5,
        windowSeconds: 60,
        redisUrl: undefined,
        redisPrefix: "microblog",
      },
      publicUrl: undefined,
      jobs: { redisUrl: undefined, runWorker: true, redisPrefix: "microblog", lockSeconds: 30, exportRetentionDays: 7 },
      mail: {
        smtpUrl: undefined,
        from: "Microblog <no-reply@localhost>",
        passwordResetUrl: "http://localhost:3000/reset-password?token={token}",
        resetTokenTtlSeconds: 900,
      },
    });
  });

  it("when a variable is set to nothing, then it counts as unset, but for DATABASE_URL, which is refused", () => {
    expect(loadConfig({ PORT: "" })).toMatchObject({ port: 4000, database: { dialect: "sqlite" } });
    expect(() => loadConfig({ DATABASE_URL: "" })).toThrow(/DATABASE_URL is set but empty/);
  });

  it("when MIGRATE_ON_START is false, then the server starts without touching the schema, warns how many migrations are pending, and is not ready", async () => {
    const scratch = await scratchDatabase("sqlite");
    const path = (scratch.target as { path: string }).path;
    const server = await startServerProcess({ DATABASE_URL: `file:${path}`, MIGRATE_ON_START: "false" });
    try {
      const health = await fetch(`${server.address}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`${server.address}/readyz`)).status).toBe(503);
      expect(await selectBeside(scratch.target, `select name from sqlite_master where type = 'table'`)).toEqual([]);
      const pending = readdirSync(migrationsFolder.sqlite).length;
      expect(server.output()).toContain(`${pending} migrations are not applied and MIGRATE_ON_START is false`);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      await scratch.destroy();
    }
  }, 30_000);

  it.each([
    ["an unsupported database URL", { DATABASE_URL: "mysql://localhost/app" }, /DATABASE_URL .*accepted: unset/],
    ["a database URL set but empty (an unset CI secret)", { DATABASE_URL: "" }, /DATABASE_URL is set but empty/],
    ["a PostgreSQL URL without a database", { DATABASE_URL: "postgres://postgres@127.0.0.1:5432" }, /DATABASE_URL names no PostgreSQL database/],
    ["a port that is not a number", { PORT: "eighty" }, /PORT/],
    ["a MIGRATE_ON_START that is not true or false", { MIGRATE_ON_START: "yes" }, /MIGRATE_ON_START/],
    ["every origin allowed in production", { NODE_ENV: "production", CORS_ORIGINS: "*" }, /CORS_ORIGINS: `\*` is refused in production/],
    ["a Redis URL that is not one", { REDIS_URL: "http://127.0.0.1:6379" }, /REDIS_URL: must be a redis/],
    ["a depth limit out of range", { MAX_DEPTH: "0" }, /MAX_DEPTH/],
    ["a SQLite synchronous mode it does not offer", { SQLITE_SYNCHRONOUS: "OFF" }, /SQLITE_SYNCHRONOUS/],
    ["a headers timeout longer than the request timeout", { HEADERS_TIMEOUT_MS: "30000", REQUEST_TIMEOUT_MS: "20000" }, /HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS/],
    ["a follow cap of nothing", { MAX_FOLLOWING: "0" }, /MAX_FOLLOWING/],
    ["no worker and no Redis to hand jobs to one", { RUN_WORKER: "false" }, /RUN_WORKER: false needs REDIS_URL/],
    ["SMTP without a reset page", { SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "a@example.com" }, /PASSWORD_RESET_URL: required with SMTP_URL/],
  ])("when given %s, then it refuses to start with one line saying what is wrong", async (_, env, message) => {
    const failure = await run(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: projectRoot, env: { ...process.env, ...env } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toMatch(message);
    expect(failure?.stderr.trim().split("\n")).toHaveLength(1);
  }, 30_000);
});

describe("job and email settings", () => {
  const SMTP = { SMTP_URL: "smtps://user:pass@smtp.example.com", MAIL_FROM: "Microblog <no-reply@example.com>", PASSWORD_RESET_URL: "https://app.example.com/reset?token={token}" };

  it("RESET_TOKEN_TTL_SECONDS takes 60 to 86,400 (default 900)", () => {
    for (const seconds of [60, 86_400]) expect(loadConfig({ RESET_TOKEN_TTL_SECONDS: String(seconds) }).mail.resetTokenTtlSeconds).toBe(seconds);
    for (const seconds of ["59", "86401", "15m"]) expect(() => loadConfig({ RESET_TOKEN_TTL_SECONDS: seconds })).toThrow(/RESET_TOKEN_TTL_SECONDS/);
  });

  it("EXPORT_RETENTION_DAYS (default 7) and PASSWORD_RESET_RATE_LIMIT (default 5) take at least 1", () => {
    expect(loadConfig({ EXPORT_RETENTION_DAYS: "1", PASSWORD_RESET_RATE_LIMIT: "1" })).toMatchObject({
      jobs: { exportRetentionDays: 1 },
      rateLimits: { passwordResetsPerAddress: 1 },
    });
    expect(() => loadConfig({ EXPORT_RETENTION_DAYS: "0" })).toThrow(/EXPORT_RETENTION_DAYS/);
    expect(() => loadConfig({ PASSWORD_RESET_RATE_LIMIT: "0" })).toThrow(/PASSWORD_RESET_RATE_LIMIT/);
  });

  it("SMTP needs MAIL_FROM and a PASSWORD_RESET_URL with {token}; SMTP_URL is smtp:// or smtps://", () => {
    expect(loadConfig(SMTP).mail).toEqual({ ...{ smtpUrl: SMTP.SMTP_URL, from: SMTP.MAIL_FROM, passwordResetUrl: SMTP.PASSWORD_RESET_URL }, resetTokenTtlSeconds: 900 });
    expect(() => loadConfig({ ...SMTP, MAIL_FROM: "" })).toThrow(/MAIL_FROM: required with SMTP_URL/);
    expect(() => loadConfig({ ...SMTP, PASSWORD_RESET_URL: "https://app.example.com/reset" })).toThrow(/PASSWORD_RESET_URL: must contain \{token\}/);
    expect(() => loadConfig({ ...SMTP, SMTP_URL: "http://smtp.example.com" })).toThrow(/SMTP_URL: must be an smtp/);
  });

  it("RUN_WORKER=false needs REDIS_URL; PUBLIC_URL loses a trailing slash", () => {
    expect(loadConfig({ RUN_WORKER: "false", REDIS_URL: "redis://127.0.0.1:6379" }).jobs.runWorker).toBe(false);
    expect(() => loadConfig({ RUN_WORKER: "false" })).toThrow(/RUN_WORKER/);
    expect(loadConfig({ PUBLIC_URL: "https://api.example.com/" }).publicUrl).toBe("https://api.example.com");
    expect(() => loadConfig({ PUBLIC_URL: "api.example.com" })).toThrow(/PUBLIC_URL/);
  });

  it("`npm run worker` without REDIS_URL refuses to start with one line saying why", async () => {
    const failure = await run(process.execPath, ["--import", "tsx", "src/worker.ts"], { cwd: projectRoot, env: { ...process.env, REDIS_URL: "" } }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim()).toMatch(/^Invalid configuration: REDIS_URL: the worker takes its jobs from Redis/);
    expect(failure?.stderr.trim().split("\n")).toHaveLength(1);
  }, 30_000);
});
