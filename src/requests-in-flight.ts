import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyInstance } from "fastify";

/** How often request timeouts are looked for: Node's own check runs this often too (its default is 30 s). */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

/** Answers a client that ran out of time (or sent what is not HTTP) and hangs up on it. */
export function hangUp(socket: Duplex, status: "408 Request Timeout" | "400 Bad Request"): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export interface RequestsInFlight {
  readonly closing: boolean;
  /** A request ran out of time and was answered or dropped unfinished: while draining, that is a request cut off. */
  timedOut(): void;
  /**
   * Stops accepting connections and lets the requests in flight finish; those still running after
   * `timeoutMs` are cut off. Tells whether any request was cut off, by that deadline or by a
   * request timeout while draining.
   */
  drain(timeoutMs: number): Promise<{ cutOff: boolean }>;
  /** Settles once no HTTP request is in flight (at once, when none is). */
  idle(): Promise<void>;
}

/** Keeps count of the requests in flight, so that shutdown knows whether it let them all finish. */
export function trackRequestsInFlight(app: FastifyInstance, requestTimeoutMs: number): RequestsInFlight {
  const inFlight = new Map<IncomingMessage, number>();
  let closing = false;
  let cutOff = false;
  let whenIdle: (() => void)[] = [];

  app.addHook("onRequest", async (request, reply) => {
    // A connection being upgraded (a WebSocket) is not a request in flight: it is closed (1001) once
    // the requests are done. Node sets `upgrade` on what it hands over as an upgrade, and only that.
    if ((request.raw as IncomingMessage & { upgrade?: boolean }).upgrade) return;
    inFlight.set(request.raw, performance.now());
    reply.raw.once("close", () => {
      inFlight.delete(request.raw);
      if (inFlight.size > 0) return;
      for (const resolve of whenIdle) resolve();
      whenIdle = [];
    });
  });
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Once closing, each response ends its keep-alive connection, so draining need not wait for
  // clients to hang up connections they hold open.
  app.addHook("onSend", async (_, reply) => {
    if (closing) reply.header("connection", "close");
  });

  return {
    get closing() {
      return closing;
    },
    timedOut() {
      if (closing) cutOff = true;
    },
    idle() {
      return inFlight.size === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve));
    },
    async drain(timeoutMs) {
      // Node stops looking for requests past their timeout once its server is closing: a body still
      // trickling in is cut off here instead, as it would have been.
      const watchdog = setInterval(() => {
        for (const [request, startedAt] of inFlight) {
          if (request.complete || performance.now() - startedAt <= requestTimeoutMs) continue;
          cutOff = true;
          hangUp(request.socket, "408 Request Timeout");
        }
      }, TIMEOUT_CHECK_INTERVAL_MS);
      const deadline = setTimeout(() => {
        if (inFlight.size > 0) cutOff = true;
        app.server.closeAllConnections();
      }, timeoutMs);
      try {
        await app.close();
      } finally {
        clearInterval(watchdog);
        clearTimeout(deadline);
      }
      return { cutOff };
    },
  };
}
