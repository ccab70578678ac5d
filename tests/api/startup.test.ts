import { describe, expect, it } from "vitest";
import { engines, scratchDatabase } from "../helpers/database.ts";
import { startServerProcess } from "../helpers/process.ts";
import { startRelay, throughRelay } from "../helpers/proxy.ts";

const QUERY = { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ posts { totalCount } }"}' };

describe.runIf(engines.includes("postgres"))("start-up without the database on postgres", () => {
  it("when PostgreSQL is not up at start-up, then the server listens, is alive but not ready and answers 503, and serves within seconds of the database appearing", async () => {
    const scratch = await scratchDatabase("postgres");
    const upstream = new URL(process.env.TEST_DATABASE_URL!);
    const relay = await startRelay({ host: upstream.hostname, port: Number(upstream.port || 5432) }, { up: false });
    const server = await startServerProcess({ DATABASE_URL: throughRelay((scratch.target as { url: string }).url, relay), NODE_ENV: "production" });
    try {
      expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.address}/readyz`)).status).toBe(503);
      const refused = await fetch(`${server.address}/graphql`, QUERY);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await refused.json()) as any).errors[0].extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });

      // Still waiting a few seconds on, rather than exiting.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(server.child.exitCode).toBeNull();
      await relay.up();
      const appeared = performance.now();
      for (;;) {
        if ((await fetch(`${server.address}/readyz`)).status === 200) break;
        expect(performance.now() - appeared).toBeLessThan(5_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const served = await fetch(`${server.address}/graphql`, QUERY);
      expect(await served.json()).toEqual({ data: { posts: { totalCount: 0 } } });
      expect(server.output()).not.toMatch(/password|postgres:\/\//);
    } finally {
      server.child.kill("SIGKILL");
      await relay.close();
      await scratch.destroy();
    }
  }, 60_000);
});
