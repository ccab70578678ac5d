import type { WebSocket } from "@fastify/websocket";
import type { FastifyRequest } from "fastify";
import { GraphQLError, getOperationAST, type GraphQLSchema } from "graphql";
import { CloseCode, makeServer, type Context as SocketContext } from "graphql-ws";
import type { Repositories } from "../db/contract.ts";
import { DomainError } from "../domain/errors.ts";
import type { Services } from "../domain/services.ts";
import type { Viewer } from "../domain/viewer.ts";
import type { Context } from "./context.ts";
import { formatError, isUnexpected } from "./errors.ts";
import { createLoaders } from "./loaders.ts";
import { subscribeSharingResults } from "./shared-execution.ts";
import type { requestLimits } from "./limits.ts";

/** How often the tokens of open sockets are checked: a revoked or expired one is closed within this (and a query). */
export const REVALIDATE_INTERVAL_MS = 2_000;
/** A ping this often; a client that has not answered the last one by the next is gone. */
const KEEP_ALIVE_MS = 12_000;
/** A client must send connection_init within this (graphql-ws closes with 4408 otherwise). */
const CONNECTION_INIT_TIMEOUT_MS = 3_000;
const BEARER = /^Bearer +(\S+) *$/i;

/** What this server knows of each open socket. */
interface Connection {
  socket: WebSocket;
  request: FastifyRequest;
  openedAt: number;
  /** Set by connection_init: null for an anonymous connection. */
  viewer?: Viewer | null;
}

type Extra = { connection: Connection };

export interface SubscriptionServerDeps {
  schema: GraphQLSchema;
  services: Services;
  repos: Repositories;
  limits: ReturnType<typeof requestLimits>;
  maxSubscriptionsPerConnection: number;
  /** In production, errors do not suggest field names (as Apollo's hideSchemaDetailsFromClientErrors over HTTP). */
  production: boolean;
}

function refused(message: string, code: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol), on the HTTP server's port and path.
 * The token travels in connection_init's payload, `{ authorization: "Bearer …" }`: a bad one closes
 * the socket with 4403, none makes an anonymous connection. Documents meet the HTTP limits; only
 * subscriptions are served (queries and mutations go over HTTP, where their limits and statuses are).
 */
export function subscriptionServer({ schema, services, repos, limits, maxSubscriptionsPerConnection, production }: SubscriptionServerDeps) {
  const connections = new Set<Connection>();
  let whenAllClosed: (() => void)[] = [];

  /** An error as the client sees it: the HTTP responses' formatting, and unexpected ones logged. */
  function shown(connection: Connection, error: GraphQLError) {
    if (isUnexpected(error)) connection.request.log.error({ err: error.originalError ?? error, path: error.path }, "unexpected error in a subscription");
    const formatted = formatError(error.toJSON(), error);
    return production ? { ...formatted, message: formatted.message.replace(/ ?Did you mean .+\?$/, "") } : formatted;
  }

  const server = makeServer<Record<string, unknown>, Extra>({
    schema,
    subscribe: subscribeSharingResults,
    connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
    async onConnect({ connectionParams, extra }: SocketContext<Record<string, unknown>, Extra>) {
      // `authorization`, as an HTTP header is named; its case does not matter (`Authorization` too).
      const key = Object.keys(connectionParams ?? {}).find((name) => name.toLowerCase() === "authorization");
      const authorization = key === undefined ? undefined : connectionParams![key];
      if (authorization === undefined || authorization === null) {
        extra.connection.viewer = null;
        return true;
      }
      const token = typeof authorization === "string" ? BEARER.exec(authorization)?.[1] : undefined;
      if (token === undefined) return false;
      try {
        extra.connection.viewer = await services.auth.authenticate(token);
        return true;
      } catch (error) {
        if (error instanceof DomainError) return false; // 4403 Forbidden
        throw error;
      }
    },
    onSubscribe({ extra, subscriptions }, _id, { query, variables, operationName }) {
      // This subscription has its place already (as null) while it is being set up.
      if (Object.keys(subscriptions).length > maxSubscriptionsPerConnection) {
        return refused(
          `A connection holds at most ${maxSubscriptionsPerConnection} subscriptions; complete one first, or open another connection.`,
          "TOO_MANY_SUBSCRIPTIONS",
        );
      }
      const checked = limits.check(schema, query, variables ?? {}, operationName ?? undefined);
      if (!("kind" in checked)) return checked;
      const operation = getOperationAST(checked, operationName);
      if (operation && operation.operation !== "subscription") {
        return refused("Only subscriptions are served over WebSocket: send queries and mutations as HTTP requests to /graphql.", "BAD_REQUEST");
      }
      const viewer = extra.connection.viewer ?? null;
      const context: Context = {
        viewer,
        signedInAs: new Set(viewer ? [viewer.user.id] : []),
        client: { address: extra.connection.request.ip },
        services,
        repos,
        loaders: createLoaders(repos, viewer),
        log: extra.connection.request.log,
      };
      return { schema, document: checked, variableValues: variables, operationName, contextValue: context };
    },
    onNext({ extra }, _id, _payload, _args, result) {
      if (!result.errors) return;
      return { ...result, errors: result.errors.map((error) => shown(extra.connection, error)) };
    },
    onError({ extra }, _id, _payload, errors) {
      return errors.map((error) => shown(extra.connection, error));
    },
  });

  /** Serves one upgraded socket: the @fastify/websocket route handler. */
  function handle(socket: WebSocket, request: FastifyRequest): void {
    const connection: Connection = { socket, request, openedAt: performance.now() };
    connections.add(connection);
    request.log.info({ remoteAddress: request.ip }, "socket opened");
    const fail = (error: unknown, message: string) => {
      request.log.error({ err: error }, message);
      socket.close(CloseCode.InternalServerError, "Internal server error");
    };
    socket.once("error", (error) => fail(error, "socket error"));

    // Keep-alive: a client that does not answer a ping before the next is gone.
    let answered = true;
    const keepAlive = setInterval(() => {
      if (!answered) return socket.terminate();
      answered = false;
      socket.ping();
    }, KEEP_ALIVE_MS);
    socket.on("pong", () => void (answered = true));

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (receive) =>
          socket.on("message", (data, isBinary) => {
            // The protocol is text; graphql-ws closes with 4400 for anything it cannot read.
            receive(isBinary ? "" : String(data)).catch((error: unknown) => fail(error, "could not handle a subscription message"));
          }),
      },
      { connection },
    );
    socket.once("close", (code, reason) => {
      clearInterval(keepAlive);
      connections.delete(connection);
      if (connections.size === 0) {
        for (const resolve of whenAllClosed) resolve();
        whenAllClosed = [];
      }
      request.log.info(
        { code, userId: connection.viewer?.user.id, durationMs: Math.round(performance.now() - connection.openedAt) },
        "socket closed",
      );
      closed(code, String(reason)).catch((error: unknown) => request.log.error({ err: error }, "could not end a socket's subscriptions"));
    });
  }

  let revalidating = false;

  /**
   * Closes, with 4403, every socket whose token has been revoked (logout, a password change) or has
   * expired: one statement for all of them. A check still under way (a slow database) is not doubled.
   */
  async function revalidate(): Promise<void> {
    const signedIn = [...connections].filter((connection) => connection.viewer);
    if (signedIn.length === 0 || revalidating) return;
    revalidating = true;
    try {
      const valid = await services.auth.stillValid([...new Set(signedIn.map((connection) => connection.viewer!.tokenId))]);
      for (const connection of signedIn) {
        if (!valid.has(connection.viewer!.tokenId)) connection.socket.close(CloseCode.Forbidden, "The token was revoked or has expired");
      }
    } finally {
      revalidating = false;
    }
  }

  return {
    handle,
    revalidate,
    /** How many sockets are open. */
    get size(): number {
      return connections.size;
    },
    /** Closes every socket: 1001 (going away) when the server shuts down. */
    closeAll(code: number, reason: string): void {
      for (const { socket } of connections) socket.close(code, reason);
    },
    /** Settles once no socket is open (at once, when none is). */
    allClosed(): Promise<void> {
      return connections.size === 0 ? Promise.resolve() : new Promise((resolve) => whenAllClosed.push(resolve));
    },
    /** Drops every socket at once, for a shutdown past its deadline. */
    terminateAll(): void {
      for (const { socket } of connections) socket.terminate();
    },
  };
}

export type SubscriptionServer = ReturnType<typeof subscriptionServer>;
