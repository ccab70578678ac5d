import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { TypedDocumentString } from "../generated/graphql.ts";

/** How long a live event may take to arrive before a test gives up on it. */
export const DELIVERY_MS = 2_000;

export interface LiveResult<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

export interface LiveClient {
  client: Client;
  /** Settles with the close event once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

/**
 * A real graphql-ws client on a real socket, connected (or refused) before it is returned. No retries:
 * a test sees every close as it happens.
 */
export async function connect(url: string, options: { token?: string; connectionParams?: Record<string, unknown> } = {}): Promise<LiveClient> {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onOpen!: () => void;
  const opened = new Promise<void>((resolve) => (onOpen = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.connectionParams ?? (options.token ? { authorization: `Bearer ${options.token}` } : {}),
    on: {
      connected: () => onOpen(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
    onNonLazyError: () => {},
  });
  await Promise.race([opened, closed]);
  return { client, closed, dispose: () => client.dispose() as Promise<void> };
}

export interface LiveSubscription<Data> {
  /** The next result, within `ms`. */
  next(ms?: number): Promise<LiveResult<Data>>;
  /** Fails if a result arrives within `ms`. */
  nothingWithin(ms: number): Promise<void>;
  /** Settles when the server completes the subscription (or errs). */
  ended: Promise<void>;
  unsubscribe(): void;
}

export function subscribe<Data, Variables>(
  { client }: LiveClient,
  document: TypedDocumentString<Data, Variables> | string,
  variables?: Variables,
): LiveSubscription<Data> {
  const results: LiveResult<Data>[] = [];
  let waiting: ((result: LiveResult<Data>) => void) | undefined;
  let onEnded!: () => void;
  const ended = new Promise<void>((resolve) => (onEnded = resolve));
  const push = (result: LiveResult<Data>) => {
    if (waiting) {
      const wake = waiting;
      waiting = undefined;
      wake(result);
    } else results.push(result);
  };
  const unsubscribe = client.subscribe<Data>(
    { query: document.toString(), variables: variables as Record<string, unknown> | undefined },
    {
      next: (result) => push(result as LiveResult<Data>),
      error: (error) => {
        push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] });
        onEnded();
      },
      complete: () => onEnded(),
    },
  );
  return {
    next(ms = DELIVERY_MS) {
      const ready = results.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing arrived within ${ms} ms`)), ms);
        waiting = (result) => {
          clearTimeout(timer);
          resolve(result);
        };
      });
    },
    async nothingWithin(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (results.length > 0) throw new Error(`unexpected: ${JSON.stringify(results[0])}`);
    },
    ended,
    unsubscribe,
  };
}

/** A bare socket speaking whatever a test sends, for frames no client library would send. */
export async function rawSocket(url: string, protocol = "graphql-transport-ws") {
  const socket = new WebSocket(url, protocol);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const messages: unknown[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, closed, messages, send: (frame: unknown) => socket.send(typeof frame === "string" ? frame : JSON.stringify(frame)) };
}

/** Waits (up to DELIVERY_MS) until the server's live subscribers satisfy `ready`: a subscription is registered once it is. */
export async function untilSubscribed(
  server: { live: { subscribers(): { messages: number; notifications: number; feeds: number } } },
  ready: (counts: { messages: number; notifications: number; feeds: number }) => boolean,
): Promise<void> {
  const until = Date.now() + DELIVERY_MS;
  while (!ready(server.live.subscribers())) {
    if (Date.now() > until) throw new Error(`subscribers never ready: ${JSON.stringify(server.live.subscribers())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
