// `npx drizzle-kit migrate` as a CI pipeline runs it (the real binary, through drizzle.config.ts): what
// a pipeline gets wrong is said in one plain line with exit code 1, and a clean run says nothing odd.
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "../../src/db/url.ts";
import { engines, scratchDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;

/** A command with DATABASE_URL set as given (even to nothing): its exit code and what it wrote. */
async function withDatabaseUrl(databaseUrlValue: string, command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrlValue } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const migrate = (url: string) => withDatabaseUrl(url, "npx", ["drizzle-kit", "migrate"]);
const seed = (url: string) => withDatabaseUrl(url, process.execPath, ["--import", "tsx", "src/seed/main.ts", "--users", "1", "--posts", "0"]);

/** A local port nobody listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("drizzle-kit migrate and npm run seed, misconfigured", () => {
  it.each([
    ["set but empty (an unset CI secret)", "", /DATABASE_URL is set but empty/],
    ["a PostgreSQL URL without a database", "postgres://postgres@127.0.0.1:5432", /DATABASE_URL names no PostgreSQL database/],
    ["a PostgreSQL URL ending in a bare slash", "postgres://postgres@127.0.0.1:5432/", /DATABASE_URL names no PostgreSQL database/],
  ])("when DATABASE_URL is %s, then both exit 1 with one line saying so", async (_, url, message) => {
    for (const result of [await migrate(url), await seed(url)]) {
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n").filter((line) => !line.startsWith("Reading config file") && !line.startsWith("No config path"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
  }, 60_000);

  it("when the PostgreSQL server refuses the connection, then migrate exits 1 saying so plainly", async () => {
    const port = await closedPort();
    const result = await migrate(`postgres://postgres@127.0.0.1:${port}/test`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
    expect(result.stderr + result.stdout).not.toMatch(/ECONNREFUSED|errno|at TCPConnectWrap/);
  }, 60_000);
});

describe.runIf(engines.includes("postgres"))("drizzle-kit migrate on postgres, run twice", () => {
  it("when a migrated database is migrated again, then it succeeds and prints no NOTICE", async () => {
    const scratch = await scratchDatabase("postgres");
    try {
      const first = await migrate(databaseUrl(scratch.target));
      expect(first.code).toBe(0);
      const second = await migrate(databaseUrl(scratch.target));
      expect(second.code).toBe(0);
      expect(second.stdout + second.stderr).toContain("migrations applied successfully");
      expect(second.stdout + second.stderr).not.toMatch(/NOTICE|severity|already exists/);
    } finally {
      await scratch.destroy();
    }
  }, 60_000);
});
