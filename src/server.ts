import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import fastifyCors from "@fastify/cors";
import fastifyWebsocket from "@fastify/websocket";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { handleProtocols } from "graphql-ws";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { isDatabaseUnavailable } from "./db/errors.ts";
import { argon2idHasher, type PasswordHasher } from "./domain/passwords.ts";
import { DomainError } from "./domain/errors.ts";
import { createServices, jobHandlers, type Services } from "./domain/services.ts";
import { inProcessQueue, redisQueue, type JobQueue } from "./jobs/queue.ts";
import { createMailer } from "./mail/mailer.ts";
import { sandboxLandingPage, serveExplorer } from "./explorer.ts";
import { bearerToken, createContextBuilder, type Context } from "./graphql/context.ts";
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
import { jitGateway } from "./graphql/jit.ts";
import { requestLimits } from "./graphql/limits.ts";
import { resolvers } from "./graphql/resolvers/index.ts";
import { typeDefs } from "./graphql/schema.ts";
import { REVALIDATE_INTERVAL_MS, subscriptionServer, type SubscriptionServer } from "./graphql/subscriptions.ts";
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
  | "notificationRetentionDays"
  | "maxSubscriptionsPerConnection"
  | "publicUrl"
  | "jobs"
  | "mail"
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
  /** Where `.eml` files go in development without SMTP_URL (`mail/` by default). */
  mailDirectory?: string;
  /** The first wait before a failed job is tried again (doubling after); tests shorten it. */
  jobRetryDelayMs?: number;
}

export interface Server {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** Builds a request's context as the HTTP route does, for a client at 127.0.0.1. */
  buildContext: (request: { authorization: string | undefined }) => Promise<Context>;
  drain: RequestsInFlight["drain"];
  /** The open WebSockets (subscriptions). */
  sockets: SubscriptionServer;
  /** The live subscribers of this instance. */
  live: Services["live"];
  /** Where this instance queues background jobs. */
  jobs: JobQueue;
}

const GRAPHQL_PATH = "/graphql";
const GRAPHQL_METHODS: ("GET" | "POST" | "OPTIONS")[] = ["GET", "POST", "OPTIONS"];
/** How often notifications past their retention are swept (and once when the database is ready). */
const SWEEP_INTERVAL_MS = 3_600_000;
/** WebSocket close code 1001: the server is going away (shutting down); the client reconnects. */
const GOING_AWAY = 1001;
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
  const jobs = config.jobs.redisUrl
    ? redisQueue({ redisUrl: config.jobs.redisUrl, prefix: config.jobs.redisPrefix, lockSeconds: config.jobs.lockSeconds, retryDelayMs: deps.jobRetryDelayMs }, app.log)
    : inProcessQueue(app.log, deps.jobRetryDelayMs);
  const mailer = createMailer(config.mail, config.mode, app.log, deps.mailDirectory);
  const services = createServices({
    repos: database.repos,
    passwords: passwords ?? argon2idHasher(),
    attempts,
    tokenTtlSeconds: config.tokenTtlSeconds,
    maxFollowing: config.maxFollowing,
    notificationRetentionDays: config.notificationRetentionDays,
    now,
    events: database.events,
    log: app.log,
    jobs,
    mailer,
    publicUrl: config.publicUrl,
    exportRetentionDays: config.jobs.exportRetentionDays,
    passwordResetUrl: config.mail.passwordResetUrl,
    resetTokenTtlSeconds: config.mail.resetTokenTtlSeconds,
  });
  // Without Redis jobs run here; with it, here too unless RUN_WORKER=false (a separate worker does).
  // Not before the database is ready: a job would spend its tries on it.
  let closing = false;
  if (jobs.kind === "in-process" || config.jobs.runWorker) {
    void (deps.databaseReady ?? Promise.resolve()).then(() => closing || jobs.start(jobHandlers(services)));
  }
  // Stopped before the database closes: running jobs stop between steps and are resumed later.
  app.addHook("onClose", async () => {
    closing = true;
    await jobs.close();
    mailer.close();
  });
  app.addHook("onClose", () => services.live.close());
  const buildContext = createContextBuilder(services, database.repos);
  const production = config.mode === "production";
  const limits = requestLimits(config.limits, config.maxFollowing);
  // One schema for both transports: Apollo over HTTP, graphql-ws over WebSocket.
  const schema = makeExecutableSchema({ typeDefs, resolvers });

  const apollo = new ApolloServer<Context>({
    // Queries and mutations run compiled by graphql-jit (see jit.ts); the schema is the gateway's.
    gateway: jitGateway(schema),
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
  // Subscriptions: WebSocket connections to /graphql (the graphql-ws protocol). Once the HTTP
  // requests in flight have finished at shutdown, every socket is closed with 1001 (going away).
  const sockets = subscriptionServer({
    schema,
    services,
    repos: database.repos,
    limits,
    maxSubscriptionsPerConnection: config.maxSubscriptionsPerConnection,
    production,
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: config.limits.bodyBytes, handleProtocols },
    async preClose() {
      void requests.idle().then(() => {
        sockets.closeAll(GOING_AWAY, "The server is shutting down; reconnect");
        app.websocketServer.close();
      });
    },
  });
  const revalidation = setInterval(() => {
    sockets.revalidate().catch((error: unknown) => app.log.warn({ err: error }, "could not check the tokens of open sockets"));
  }, REVALIDATE_INTERVAL_MS).unref();
  const sweep = () => {
    services.notifications.sweep().catch((error: unknown) => app.log.warn({ err: error }, "could not sweep old notifications"));
    services.tasks.sweep().catch((error: unknown) => app.log.warn({ err: error }, "could not sweep old exports"));
    // Unfinished tasks are queued again: at start-up (a restart lost the in-process queue), and
    // hourly in case a job was lost (Redis flushed); a task's key keeps it from running twice.
    services.tasks
      .resumeUnfinished()
      .then((count) => count > 0 && app.log.info({ tasks: count }, "unfinished tasks queued again"))
      .catch((error: unknown) => app.log.warn({ err: error }, "could not queue unfinished tasks again"));
  };
  const sweeping = setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  void deps.databaseReady?.then(sweep);
  app.addHook("onClose", async () => {
    clearInterval(revalidation);
    clearInterval(sweeping);
  });
  // A WebSocket upgrade anywhere but /graphql, or before the database is ready, is answered plainly.
  app.addHook("onRequest", async (request, reply) => {
    if (!(request.raw as typeof request.raw & { upgrade?: boolean }).upgrade) return;
    if (request.url.split("?")[0] !== GRAPHQL_PATH) {
      return reply.code(400).type(JSON_TYPE).send(errorBody(`WebSocket connections are served at ${GRAPHQL_PATH} only (the graphql-ws protocol).`, "BAD_REQUEST"));
    }
    if (!databaseReady) return reply.code(503).header("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS)).type(JSON_TYPE).send(serviceUnavailableBody());
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
  async function graphqlOverHttp(...[request, reply]: Parameters<typeof answerGraphQL>) {
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
  }
  // GET upgrades to a WebSocket when asked to (subscriptions); otherwise it is a query over HTTP.
  app.route({ method: "GET", url: GRAPHQL_PATH, handler: graphqlOverHttp, wsHandler: sockets.handle });
  app.route({ method: GRAPHQL_METHODS.filter((method) => method !== "GET"), url: GRAPHQL_PATH, handler: graphqlOverHttp });
  // Where a person who opens the server's address in a browser, or a client that probes it, should go.
  app.get("/", async () => ({
    message: `A GraphQL API: send queries and mutations to ${GRAPHQL_PATH}.`,
    graphql: GRAPHQL_PATH,
    // Apollo Sandbox (from Apollo's CDN), and GraphiQL from this server's own files (works offline).
    ...(config.mode === "development" && { explorer: GRAPHQL_PATH, offlineExplorer: "/graphiql" }),
  }));
  if (config.mode === "development") serveExplorer(app);
  // A complete export's document, for its owner only (their bearer token); 404 for anyone else.
  app.get<{ Params: { id: string } }>("/exports/:id", async (request, reply) => {
    if (!databaseReady) return unavailable(reply);
    try {
      return await downloadExport(request, reply);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      request.log.warn({ err: error }, "the database could not serve a download: 503");
      return unavailable(reply);
    }
  });
  async function downloadExport(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization);
    const viewer = token === undefined ? undefined : await services.auth.authenticate(token).catch((error: unknown) => {
      if (error instanceof DomainError) return undefined;
      throw error;
    });
    if (!viewer) {
      return reply
        .code(401)
        .header("www-authenticate", token === undefined ? "Bearer" : 'Bearer error="invalid_token"')
        .type(JSON_TYPE)
        .send(errorBody("Send the owner's token: `Authorization: Bearer <token>`.", "UNAUTHENTICATED"));
    }
    const download = await services.tasks.download(viewer, request.params.id);
    if (!download) return reply.code(404).type(JSON_TYPE).send(errorBody("There is no such export of yours.", "NOT_FOUND"));
    return reply
      .type(JSON_TYPE)
      .header("content-disposition", `attachment; filename="posts-${download.task.id}.json"`)
      .header("cache-control", "private, no-store")
      .send(download.body);
  }
  // Liveness: the process is up and serving HTTP.
  app.get("/healthz", async () => ({ status: "ok" }));
  // Readiness: the database answers and holds every migration this build expects, and live events
  // reach this instance (PostgreSQL: its listening connection is up).
  app.get("/readyz", async (_, reply) => {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, READINESS_TIMEOUT_MS, false).unref());
    const [migrated, listening] = await Promise.all([
      databaseReady && Promise.race([database.isReady(), timeout]),
      // Just started, or reconnecting: the listener may be a moment from connected.
      Promise.race([database.events.whenConnected().then(() => true), timeout]),
    ]);
    const ready = migrated && listening;
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? "ready" : "unavailable", database: migrated ? "ready" : "unavailable", events: listening ? "connected" : "disconnected" });
  });
  await app.ready();
  return {
    app,
    apollo,
    buildContext: ({ authorization }) => buildContext({ authorization, address: "127.0.0.1", log: app.log }),
    drain: async (timeoutMs) => {
      // Sockets still open at the deadline are dropped, as the requests still in flight are cut off.
      const deadline = setTimeout(() => sockets.terminateAll(), timeoutMs);
      try {
        const drained = await requests.drain(timeoutMs);
        // Closed with 1001 once the requests were done: each socket's closing handshake is waited for.
        await sockets.allClosed();
        return drained;
      } finally {
        clearTimeout(deadline);
      }
    },
    sockets,
    live: services.live,
    jobs,
  };
}
