import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import fastifyCors from "@fastify/cors";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { argon2idHasher, type PasswordHasher } from "./domain/passwords.ts";
import { createServices } from "./domain/services.ts";
import { createContextBuilder, type Context } from "./graphql/context.ts";
import { formatError, isUnexpected, rateLimitedStatus, unexpectedErrorLogging } from "./graphql/errors.ts";
import { requestLimits } from "./graphql/limits.ts";
import { resolvers } from "./graphql/resolvers/index.ts";
import { typeDefs } from "./graphql/schema.ts";
import { createAttemptLimiter } from "./rate-limits.ts";

/** The settings the HTTP application itself uses (the rest are main.ts's). */
export type ServerConfig = Pick<
  Config,
  "mode" | "logLevel" | "tokenTtlSeconds" | "introspection" | "corsOrigins" | "trustProxy" | "limits" | "rateLimits"
>;

export interface ServerDeps {
  config: ServerConfig;
  database: Database;
  /** The clock tokens expire by; tests move it. */
  now?: () => Date;
  passwords?: PasswordHasher;
  /** Where log lines go; standard output by default. */
  logDestination?: { write(line: string): void };
}

export interface Server {
  app: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** Builds a request's context as the HTTP route does, for a client at 127.0.0.1. */
  buildContext: (request: { authorization: string | undefined }) => Promise<Context>;
}

/** How long /readyz waits for the database before calling it unreachable. */
const READINESS_TIMEOUT_MS = 2_000;

function operationNameOf(body: unknown, query: unknown): string | undefined {
  const source = (body ?? query) as { operationName?: unknown } | undefined;
  const name = source?.operationName;
  return typeof name === "string" && name.length <= 100 ? name : undefined;
}

/** The ready HTTP application. It does not listen: main.ts does, and tests inject requests instead. */
export async function createServer(deps: ServerDeps): Promise<Server> {
  const { config, database, now = () => new Date(), passwords, logDestination } = deps;
  const app = Fastify({
    bodyLimit: config.limits.bodyBytes,
    trustProxy: config.trustProxy,
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

  // Once closing, each response ends its keep-alive connection, so close() need not wait for clients
  // to hang up connections they hold open.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onSend", async (_, reply) => {
    if (closing) reply.header("connection", "close");
  });

  const attempts = await createAttemptLimiter(config.rateLimits, app.log);
  app.addHook("onClose", () => attempts.close());
  const services = createServices({
    repos: database.repos,
    passwords: passwords ?? argon2idHasher(),
    attempts,
    tokenTtlSeconds: config.tokenTtlSeconds,
    now,
  });
  const buildContext = createContextBuilder(services, database.repos);
  const production = config.mode === "production";
  const limits = requestLimits(config.limits);

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
    plugins: [
      // We send no Cache-Control hints; without this, Apollo's always-on cache-control plugin
      // still works out a policy for every field of every response.
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      ...limits.plugins,
      unexpectedErrorLogging(),
      rateLimitedStatus(),
      // A browser's GET of /graphql gets Apollo Sandbox while developing, and nothing otherwise.
      config.mode === "development"
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  await app.register(fastifyCors, { origin: config.corsOrigins, maxAge: 600 });
  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    async context(request) {
      try {
        return await buildContext({ authorization: request.headers.authorization, address: request.ip, log: request.log });
      } catch (error) {
        // Apollo answers for a failed context without its plugins seeing it: log here.
        if (isUnexpected(error)) request.log.error({ err: error }, "could not build the request context");
        throw error;
      }
    },
  });
  // Liveness: the process is up and serving HTTP.
  app.get("/healthz", async () => ({ status: "ok" }));
  // Readiness: the database answers and holds every migration this build expects.
  app.get("/readyz", async (_, reply) => {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, READINESS_TIMEOUT_MS, false).unref());
    const ready = await Promise.race([database.isReady(), timeout]);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable" });
  });
  await app.ready();
  return {
    app,
    apollo,
    buildContext: ({ authorization }) => buildContext({ authorization, address: "127.0.0.1", log: app.log }),
  };
}
