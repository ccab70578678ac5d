import { describe, expect, it } from "vitest";
import { engines, scratchDatabase } from "../helpers/database.ts";
import { startServerProcess } from "../helpers/process.ts";

describe.each(engines)("graceful shutdown on %s", (engine) => {
  it("when SIGTERM arrives with requests in flight, then they complete, new connections are refused, and the process exits 0", async () => {
    const scratch = await scratchDatabase(engine);
    const databaseUrl = scratch.target.dialect === "sqlite" ? `file:${scratch.target.path}` : scratch.target.url;
    const server = await startServerProcess({ DATABASE_URL: databaseUrl, NODE_ENV: "production", AUTH_RATE_LIMIT: "1000" });
    try {
      // Each registration hashes a password (tens of milliseconds, four at a time): a dozen take a while.
      const inFlight = Array.from({ length: 12 }, (_, i) =>
        fetch(`${server.address}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: `mutation ($input: RegisterInput!) { register(input: $input) { user { username } } }`,
            variables: { input: { username: `late${i}`, email: `late${i}@example.com`, password: "password1" } },
          }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as any })),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.child.kill("SIGTERM");

      const answers = await Promise.all(inFlight);
      expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
      expect(answers.map((answer) => answer.body.data.register.user.username)).toEqual(Array.from({ length: 12 }, (_, i) => `late${i}`));
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.address}/healthz`)).rejects.toThrow();
      expect(server.output()).toContain("shut down");
    } finally {
      server.child.kill("SIGKILL");
      await scratch.destroy();
    }
  }, 60_000);
});
