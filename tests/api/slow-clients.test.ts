import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../../src/db/url.ts";
import { scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";
import { startServerProcess, type ServerProcess } from "../helpers/process.ts";

/** A connection that sends `head` at once and then one byte of `drip` a second, until it is closed. */
function slowClient(address: string, head: string, drip: string): Promise<{ closedAfterMs: number; answer: string }> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve) => {
    const opened = performance.now();
    let answer = "";
    let timer: NodeJS.Timeout | undefined;
    const socket: Socket = connect(Number(port), hostname, () => {
      socket.write(head);
      timer = setInterval(() => socket.writable && socket.write(drip), 1_000);
    });
    socket.on("data", (chunk) => void (answer += chunk));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ closedAfterMs: performance.now() - opened, answer });
    });
  });
}

const PARTIAL_HEADERS = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: ";
const TRICKLED_BODY = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";

describe("slow clients", () => {
  let scratch: ScratchDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    scratch = await scratchDatabase("sqlite");
    server = await startServerProcess({
      DATABASE_URL: databaseUrl(scratch.target),
      NODE_ENV: "production",
      HEADERS_TIMEOUT_MS: "2000",
      REQUEST_TIMEOUT_MS: "4000",
    });
  });

  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await scratch?.destroy();
  });

  it("when 1,000 connections send partial headers or trickle a body a byte a second, then each is cut within its timeout while normal requests and /readyz keep being answered", async () => {
    const slow = [
      ...Array.from({ length: 500 }, () => slowClient(server.address, PARTIAL_HEADERS, "x")),
      ...Array.from({ length: 500 }, () => slowClient(server.address, TRICKLED_BODY, "{")),
    ];
    const answered: { status: number; ms: number }[] = [];
    const started = performance.now();
    while (performance.now() - started < 3_500) {
      const asked = performance.now();
      for (const response of await Promise.all([
        fetch(`${server.address}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ posts { totalCount } }"}' }),
        fetch(`${server.address}/readyz`),
      ])) {
        answered.push({ status: response.status, ms: performance.now() - asked });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answered.length).toBeGreaterThan(20);
    expect(answered.filter((answer) => answer.status !== 200)).toEqual([]);
    // Never held up until the slow clients were cut off (the earliest of them after 2 s).
    expect(Math.max(...answered.map((answer) => answer.ms))).toBeLessThan(2_000);

    const cut = await Promise.all(slow);
    const headers = cut.slice(0, 500);
    const bodies = cut.slice(500);
    // Node looks for expired requests once a second; a thousand hang-ups and a busy test machine add a little.
    expect(Math.max(...headers.map((client) => client.closedAfterMs))).toBeLessThan(2_000 + 3_000);
    expect(Math.max(...bodies.map((client) => client.closedAfterMs))).toBeLessThan(4_000 + 3_000);
    expect(Math.min(...bodies.map((client) => client.closedAfterMs))).toBeGreaterThan(4_000 - 100);
    for (const client of cut) expect(client.answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  }, 30_000);
});

describe("slow clients at the default timeouts", () => {
  it("when a body trickles in at a byte a second, then the connection is cut within 30 s", async () => {
    const scratch = await scratchDatabase("sqlite");
    const server = await startServerProcess({ DATABASE_URL: databaseUrl(scratch.target) });
    try {
      const client = await slowClient(server.address, TRICKLED_BODY, "{");
      expect(client.closedAfterMs).toBeLessThan(30_000);
      expect(client.answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      server.child.kill("SIGKILL");
      await scratch.destroy();
    }
  }, 45_000);
});
