// The README's curl session, run as it is against a server of its own: pasted into a shell, it works.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "../../src/db/url.ts";
import { scratchDatabase } from "../helpers/database.ts";
import { startServerProcess } from "../helpers/process.ts";

const run = promisify(execFile);
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The shell block between the README's curl-session markers. */
function curlSession(): string {
  const marked = /<!-- curl session[^>]*-->\n```sh\n([\s\S]*?)```\n<!-- end of curl session -->/.exec(readme);
  if (!marked) throw new Error("README.md has no marked curl session");
  return marked[1]!;
}

describe("the README's curl session", () => {
  it("when pasted into a shell, twice, then it registers (then signs in), keeps the token, posts with it, and lists the posts", async () => {
    const scratch = await scratchDatabase("sqlite");
    const server = await startServerProcess({ DATABASE_URL: databaseUrl(scratch.target) });
    try {
      // A plain shell, as a fresh terminal's: no startup files, nothing from this process's shell.
      const { BASH_ENV: _, ...env } = process.env;
      const paste = () =>
        run("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", curlSession()], { env: { ...env, API: `${server.address}/graphql` } });
      for (const posts of [1, 2]) {
        const { stdout, stderr } = await paste();
        expect(stderr).toBe("");
        const [created, listed] = stdout.trim().split("\n").map((line) => JSON.parse(line));
        expect(created).toEqual({ data: { createPost: { id: expect.any(String), timestamp: expect.any(String) } } });
        expect(listed.data.posts.nodes).toHaveLength(posts);
        expect(listed.data.posts.nodes[0]).toEqual({
          body: "hello, world",
          timestamp: created.data.createPost.timestamp,
          author: { username: "susan", avatar: expect.stringContaining("s=64") },
        });
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      await scratch.destroy();
    }
  }, 30_000);
});
