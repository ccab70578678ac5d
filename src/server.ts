import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import fastifyCors from "@fastify/cors";
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from "fastify";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { isDatabaseUnavailable } from "./db/errors.ts";
import { argon2idHasher, type PasswordHasher } from "./domain/passwords.ts";
import { createServices } from "./domain/services.ts";
import { sandboxLandingPage, serveExplorer } from "./explorer.ts";
import { createContextBuilder, type Context } from "./graphql/context.ts";
import {
  errorBody,
  errorStatus,
  expandedInputErrors,
  formatError,
  isUnexpected,
  noSubscriptionsOverHttp,
  refusedRequest,
  serviceUnavailable,
  serviceUnavailableBody,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  unexpectedErrorLogging,
} from "./graphql/errors.ts";
import { requestLimits } from "./graphql/limits.ts";
import { resolvers } from "./graphql/resolvers/index.ts";
import { typeDefs } from "./graphql/schema.ts";
import { createAttemptLimiter } from "./rate-limits.ts";
import { hangUp, TIMEOUT_CHECK_INTERVAL_MS, trackRequestsInFlight, type RequestsInFlight } from "./requests-in-flight.ts";

/** The settings the HTTP application itself uses (the rest are main.ts's). */
export type ServerConfig = Pick<
  Config,
  | "mode"
  | "logLevel"
  | "tokenTtlSeconds"
  | "introspection"
  | "corsOrigins"
  | "trustProxy"
  | "limits"
  | "rateLimits"
  | "maxFollowing"
  | "httpTimeouts"
>;

export interface ServerDeps {
  config: ServerConfig;
  database: Database;
  /** The clock tokens expire by; tests move it. */
  now?: () => Date;
  passwords?: PasswordHasher;
  /** Where log lines go; standard output by default. */
  logDestination?: { write(line: string): void };
  /**
   * Settles once the database is migrated and answers (main.ts keeps trying until it does). Until
   * then /graphql and /readyz answer 503. Absent: ready at once.
   */
  databaseReady?: Promise<void>;
}

export interface Server {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** Builds a request's context as the HTTP route does, for a client at 127.0.0.1. */
  buildContext: (request: { authorization: string | undefined }) => Promise<Context>;
  drain: RequestsInFlight["drain"];
}

const GRAPHQL_PATH = "/graphql";
const GRAPHQL_METHODS: ("GET" | "POST" | "OPTIONS")[] = ["GET", "POST", "OPTIONS"];
const JSON_TYPE = "application/json; charset=utf-8";

/** How long /readyz waits for the database before calling it unreachable. */
const READINESS_TIMEOUT_MS = 2_000;
const TIMED_OUT = Symbol("timed out");

function operationNameOf(body: unknown, query: unknown): string | undefined {
  const source = (body ?? query) as { operationName?: unknown } | undefined;
  const name = source?.operationName;
  return typeof name === "string" && name.length <= 100 ? name : undefined;
}

/** The ready HTTP application. It does not listen: main.ts does, and tests inject requests instead. */
export async function createServer(deps: ServerDeps): Promise<Server> {
  const { config, database, now = () => new Date(), passwords, logDestination } = deps;
  let databaseReady = deps.databaseReady === undefined;
  void deps.databaseReady?.then(() => void (databaseReady = true));
  const app = Fastify({
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
    // A client must send its headers within headersMs and its whole request within requestMs,
    // however slowly the bytes trickle in, or it is answered 408 and its connection closed: slow
    // clients cannot hold connections (and file descriptors) for long.
    requestTimeout: config.httpTimeouts.requestMs,
    http: { headersTimeout: config.httpTimeouts.headersMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    clientErrorHandler(error, socket) {
      const timedOut = (error as { code?: string }).code === "ERR_HTTP_REQUEST_TIMEOUT";
      if (timedOut) requests.timedOut();
      hangUp(socket, timedOut ? "408 Request Timeout" : "400 Bad Request");
    },
    // One line per request, written by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    logger: {
      level: config.logLevel,
      stream: logDestination ?? process.stdout,
      // Headers (tokens) are never logged, nor the query string: a GET can carry variables (passwords).
      // Errors are safe as they come: Drizzle leaves bound values out of them, and pino leaves out
      // the fields of their cause (PostgreSQL's `detail` can quote a row).
      serializers: {
        req: (request) => ({ method: request.method, path: request.url.split("?")[0], remoteAddress: request.ip }),
      },
    },
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split("?")[0],
        operationName: operationNameOf(request.body, request.query),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      "request",
    );
  });

  const requests = trackRequestsInFlight(app, config.httpTimeouts.requestMs);

  const attempts = await createAttemptLimiter(config.rateLimits, app.log);
  app.addHook("onClose", () => attempts.close());
  const services = createServices({
    repos: database.repos,
    passwords: passwords ?? argon2idHasher(),
    attempts,
    tokenTtlSeconds: config.tokenTtlSeconds,
    maxFollowing: config.maxFollowing,
    now,
  });
  const buildContext = createContextBuilder(services, database.repos);
  const production = config.mode === "production";
  const limits = requestLimits(config.limits, config.maxFollowing);

  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    logger: app.log,
    // Shutdown is main.ts's: Apollo stops when the HTTP server has closed (below).
    stopOnTerminationSignals: false,
    plugins: [
      // We send no Cache-Control hints; without this, Apollo's always-on cache-control plugin
      // still works out a policy for every field of every response.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      noSubscriptionsOverHttp(),
      unexpectedErrorLogging(),
      errorStatus(),
      expandedInputErrors(),
      // A browser's GET of /graphql gets Apollo Sandbox while developing (without Apollo's telemetry),
      // and nothing otherwise. /graphiql is the explorer that needs no CDN.
      config.mode === "development"
        ? sandboxLandingPage()
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  app.addHook("onClose", () => apollo.stop());

  // Browser code may read when to retry (429, 503) and how to authenticate (401).
  await app.register(fastifyCors, { origin: config.corsOrigins, maxAge: 600, exposedHeaders: ["Retry-After", "WWW-Authenticate"] });
  // A WebSocket upgrade, wherever it is asked for, is answered plainly rather than served as a GET.
  app.addHook("onRequest", async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== "websocket") return;
    return reply
      .code(400)
      .type(JSON_TYPE)
      .send(errorBody("This server does not serve WebSocket connections: send queries and mutations as HTTP requests to /graphql.", "BAD_REQUEST"));
  });
  // What /graphql answers is GraphQL-shaped, even when HTTP refused the request before GraphQL ran.
  app.setErrorHandler((error, request, reply) => {
    const refused = request.url.split("?")[0] === GRAPHQL_PATH ? refusedRequest(error, config.limits.bodyBytes) : undefined;
    if (!refused) return reply.send(error);
    return reply.code(refused.status).type(JSON_TYPE).send(refused.body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.split("?")[0] !== GRAPHQL_PATH) return reply.code(404).send({ message: `Nothing at ${request.method} ${request.url.split("?")[0]}.` });
    return reply
      .code(405)
      .header("allow", GRAPHQL_METHODS.join(", "))
      .type(JSON_TYPE)
      .send(errorBody(`${GRAPHQL_PATH} answers ${GRAPHQL_METHODS.join(", ")}.`, "METHOD_NOT_ALLOWED"));
  });
  const answerGraphQL = fastifyApolloHandler(apollo, {
    async context(request) {
      try {
        return await buildContext({ authorization: request.headers.authorization, address: request.ip, log: request.log });
      } catch (error) {
        // Apollo answers for a failed context without its plugins seeing it: log here.
        if (isUnexpected(error)) request.log.error({ err: error }, "could not build the request context");
        // The token could not be checked because the database is away: 503, as when a resolver meets it.
        throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
      }
    },
  });
  /** A 503 SERVICE_UNAVAILABLE with when to come back, for a request that cannot be served now. */
  const unavailable = (reply: FastifyReply, message?: string) => {
    void reply.code(503).header("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS)).type(JSON_TYPE);
    return serviceUnavailableBody(message);
  };
  app.route<{ Reply: string }>({
    method: GRAPHQL_METHODS,
    url: GRAPHQL_PATH,
    async handler(request, reply) {
      // Until the database is migrated and answers, there is nothing to serve.
      if (!databaseReady) return unavailable(reply);
      // However the database or its driver misbehaves, no client waits longer than responseMs: it
      // is answered 503, and the work it started finishes or fails unseen.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, config.httpTimeouts.responseMs, TIMED_OUT)));
      try {
        const answer = await Promise.race([answerGraphQL.call(app, request, reply), deadline]);
        if (answer !== TIMED_OUT) return answer;
        requests.timedOut();
        request.log.error({ timeoutMs: config.httpTimeouts.responseMs }, "no answer in time: 503");
        return unavailable(reply, "The request took too long; try again shortly.");
      } finally {
        clearTimeout(timer);
      }
    },
  });
  // Where a person who opens the server's address in a browser, or a client that probes it, should go.
  app.get("/", async () => ({
    message: `A GraphQL API: send queries and mutations to ${GRAPHQL_PATH}.`,
    graphql: GRAPHQL_PATH,
    // Apollo Sandbox (from Apollo's CDN), and GraphiQL from this server's own files (works offline).
    ...(config.mode === "development" && { explorer: GRAPHQL_PATH, offlineExplorer: "/graphiql" }),
  }));
  if (config.mode === "development") serveExplorer(app);
  // Liveness: the process is up and serving HTTP.
  app.get("/healthz", async () => ({ status: "ok" }));
  // Readiness: the database answers and holds every migration this build expects.
  app.get("/readyz", async (_, reply) => {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, READINESS_TIMEOUT_MS, false).unref());
    const ready = databaseReady && (await Promise.race([database.isReady(), timeout]));
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable" });
  });
  await app.ready();
  return {
    app,
    apollo,
    buildContext: ({ authorization }) => buildContext({ authorization, address: "127.0.0.1", log: app.log }),
    drain: (timeoutMs) => requests.drain(timeoutMs),
  };
}
