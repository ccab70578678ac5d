import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "../../src/db/url.ts";
import { engines, scratchDatabase } from "../helpers/database.ts";
import { connect as connectLive, subscribe } from "../helpers/live.ts";
import { startServerProcess, type ServerProcess } from "../helpers/process.ts";

/** A request whose body arrives a byte every 200 ms and never ends: in flight until something cuts it. */
function endlessRequest(address: string): Promise<void> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
      const drip = setInterval(() => socket.writable && socket.write(" "), 200);
      socket.on("close", () => {
        clearInterval(drip);
        resolve();
      });
    });
    socket.on("error", () => {});
  });
}

/**
 * A POST of `body` as JSON, sent but for its last byte: `sent` resolves, once the rest is written,
 * with the function that sends that byte; `answer` with the response's status and JSON.
 */
function heldRequest(url: string, body: unknown): { sent: Promise<() => void>; answer: Promise<{ status: number; body: any }> } {
  const json = JSON.stringify(body);
  const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(json) } });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on("error", reject);
  });
  const sent = new Promise<() => void>((resolve) => request.write(json.slice(0, -1), () => resolve(() => request.end(json.slice(-1)))));
  return { sent, answer };
}

async function withServer(engine: (typeof engines)[number], env: Record<string, string>, test: (server: ServerProcess) => Promise<void>) {
  const scratch = await scratchDatabase(engine);
  const server = await startServerProcess({ DATABASE_URL: databaseUrl(scratch.target), NODE_ENV: "production", ...env });
  try {
    await test(server);
  } finally {
    server.child.kill("SIGKILL");
    await scratch.destroy();
  }
}

describe.each(engines)("graceful shutdown on %s", (engine) => {
  it("when SIGTERM arrives with requests in flight, then they complete, new connections are refused, and the process exits 0", async () => {
    // The response deadline is tested elsewhere: here a dozen registrations on a busy CI machine must
    // not meet it (each hashes a password, tens of milliseconds, four at a time).
    await withServer(engine, { AUTH_RATE_LIMIT: "1000", RESPONSE_TIMEOUT_MS: "15000" }, async (server) => {
      // Each request is on the wire but for its body's last byte when SIGTERM comes: surely in flight,
      // however slowly a busy machine connects.
      const requests = Array.from({ length: 12 }, (_, i) =>
        heldRequest(`${server.address}/graphql`, {
          query: `mutation ($input: RegisterInput!) { register(input: $input) { user { username } } }`,
          variables: { input: { username: `late${i}`, email: `late${i}@example.com`, password: "password1" } },
        }),
      );
      const held = await Promise.all(requests.map((request) => request.sent));
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const finish of held) finish();

      const answers = await Promise.all(requests.map((request) => request.answer));
      expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
      expect(answers.map((answer) => answer.body.data.register.user.username)).toEqual(Array.from({ length: 12 }, (_, i) => `late${i}`));
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.address}/healthz`)).rejects.toThrow();
      expect(server.output()).toContain("shut down");
    });
  }, 60_000);

  /** SIGTERM with an endless request in flight: the exit code, and how long after the signal it came. */
  async function stopWithEndlessRequest(server: ServerProcess): Promise<{ code: number | null; ms: number }> {
    const request = endlessRequest(server.address);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = performance.now();
    server.child.kill("SIGTERM");
    await request;
    return { code: await server.exited, ms: performance.now() - signalled };
  }

  it("when a request is still in flight at the shutdown timeout, then it is cut off and the process exits 1, at the timeout", async () => {
    await withServer(engine, { SHUTDOWN_TIMEOUT_SECONDS: "1", REQUEST_TIMEOUT_MS: "60000" }, async (server) => {
      const { code, ms } = await stopWithEndlessRequest(server);
      expect(code).toBe(1);
      expect(ms).toBeGreaterThan(900);
      expect(ms).toBeLessThan(3_000);
    });
  }, 60_000);

  it("when a request timeout cuts a request off while draining, then the process exits 1, before the shutdown timeout", async () => {
    await withServer(engine, { SHUTDOWN_TIMEOUT_SECONDS: "30", HEADERS_TIMEOUT_MS: "1000", REQUEST_TIMEOUT_MS: "1500" }, async (server) => {
      const { code, ms } = await stopWithEndlessRequest(server);
      expect(code).toBe(1);
      expect(ms).toBeLessThan(5_000);
    });
  }, 60_000);

  it("when SIGTERM arrives with sockets open and a request in flight, then the request completes first, the sockets close with 1001, and the process exits 0", async () => {
    await withServer(engine, { SHUTDOWN_TIMEOUT_SECONDS: "30", AUTH_RATE_LIMIT: "1000" }, async (server) => {
      const url = `${server.address.replace(/^http/, "ws")}/graphql`;
      const sockets = await Promise.all(Array.from({ length: 3 }, () => connectLive(url)));
      for (const socket of sockets) subscribe(socket, `subscription { feedPostAdded { id } }`);
      const request = heldRequest(`${server.address}/graphql`, {
        query: `mutation { register(input: { username: "last", email: "last@example.com", password: "password1" }) { user { username } } }`,
      });
      const finish = await request.sent;
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.child.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The request in flight holds the sockets open until it is answered.
      const stillOpen = await Promise.race([sockets[0]!.closed.then(() => "closed"), new Promise((resolve) => setTimeout(resolve, 100, "open"))]);
      expect(stillOpen).toBe("open");
      finish();
      expect((await request.answer).status).toBe(200);
      expect((await Promise.all(sockets.map((socket) => socket.closed))).map((event) => event.code)).toEqual([1001, 1001, 1001]);
      expect(await server.exited).toBe(0);
      const lines = server.output().split("\n").filter((line) => line.includes('"socket '));
      expect(lines.filter((line) => line.includes('"socket opened"'))).toHaveLength(3);
      expect(lines.filter((line) => line.includes('"socket closed"') && line.includes('"code":1001'))).toHaveLength(3);
    });
  }, 60_000);

  it("when SIGTERM arrives with nothing in flight, then the process exits 0 at once, however long the shutdown timeout", async () => {
    await withServer(engine, { SHUTDOWN_TIMEOUT_SECONDS: "30" }, async (server) => {
      expect((await fetch(`${server.address}/healthz`)).status).toBe(200);
      const signalled = performance.now();
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(3_000);
    });
  }, 60_000);
});
