import { describe, expect, it } from "vitest";
import { databaseUrl } from "../../src/db/url.ts";
import { scratchDatabase } from "../helpers/database.ts";
import { startServerProcess, type ServerProcess } from "../helpers/process.ts";

async function gql(server: ServerProcess, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${server.address}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe("concurrent writers on sqlite", () => {
  it("when two processes write to one SQLite file at once, then every write lands and none fails as busy", async () => {
    const scratch = await scratchDatabase("sqlite");
    const env = { DATABASE_URL: databaseUrl(scratch.target), AUTH_RATE_LIMIT: "1000" };
    const first = await startServerProcess(env);
    const second = await startServerProcess(env);
    try {
      const registered = await gql(
        first,
        `mutation ($input: RegisterInput!) { register(input: $input) { token } }`,
        { input: { username: "writer", email: "writer@example.com", password: "password1" } },
      );
      const token: string = registered.body.data.register.token;
      const writes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          gql(i % 2 ? first : second, `mutation ($body: String!) { createPost(body: $body) { id } }`, { body: `post ${i}` }, token),
        ),
      );
      expect(writes.filter((write) => write.status !== 200 || write.body.errors)).toEqual([]);
      const count = await gql(second, `{ posts(first: 0) { totalCount } }`, {});
      expect(count.body.data.posts.totalCount).toBe(60);
    } finally {
      for (const server of [first, second]) {
        server.child.kill("SIGTERM");
        await server.exited;
      }
      await scratch.destroy();
    }
  }, 60_000);
});
