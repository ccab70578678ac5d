import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { createServer } from "../../src/server.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines, scratchDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;

describe.each(engines)("HTTP endpoint on %s", (engine) => {
  const api = useTestApi(engine);

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
    const response = await api.gql(`query ($first: Int) { posts(first: $first) { totalCount } }`, {
      variables: { first: "many" },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("Apollo Sandbox", () => {
  async function landingPage(mode: "development" | "production") {
    const scratch = await scratchDatabase("sqlite");
    const database = openDatabase(scratch.target);
    const { app } = await createServer({ config: { mode, logLevel: "silent", tokenTtlSeconds: 60 }, database });
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
  it.each([
    ["an unsupported database URL", { DATABASE_URL: "mysql://localhost/app" }, /DATABASE_URL .*accepted: unset/],
    ["a port that is not a number", { PORT: "eighty" }, /PORT/],
    ["a MIGRATE_ON_START that is not true or false", { MIGRATE_ON_START: "yes" }, /MIGRATE_ON_START/],
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
