import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import type { Database } from "./db/client.ts";
import { argon2idHasher, type PasswordHasher } from "./domain/passwords.ts";
import { createServices } from "./domain/services.ts";
import { createContextBuilder, type Context } from "./graphql/context.ts";
import { formatError, isUnexpected, unexpectedErrorLogging } from "./graphql/errors.ts";
import { resolvers } from "./graphql/resolvers/index.ts";
import { typeDefs } from "./graphql/schema.ts";

export interface ServerDeps {
  config: Pick<Config, "mode" | "logLevel" | "tokenTtlSeconds">;
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
  /** Builds a request's context from its Authorization header, as the HTTP route does. */
  buildContext: (request: { authorization: string | undefined }) => Promise<Context>;
}

/** The ready HTTP application. It does not listen: main.ts does, and tests inject requests instead. */
export async function createServer(deps: ServerDeps): Promise<Server> {
  const { config, database, now = () => new Date(), passwords, logDestination } = deps;
  const app = Fastify({
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
  const services = createServices({
    repos: database.repos,
    passwords: passwords ?? argon2idHasher(),
    tokenTtlSeconds: config.tokenTtlSeconds,
    now,
  });
  const buildContext = createContextBuilder(services, database.repos);
  const development = config.mode === "development";

  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    logger: app.log,
    introspection: config.mode !== "production",
    plugins: [
      fastifyApolloDrainPlugin(app),
      unexpectedErrorLogging(),
      // A browser's GET of /graphql gets Apollo Sandbox while developing, and nothing otherwise.
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    async context(request) {
      try {
        return await buildContext({ authorization: request.headers.authorization, log: request.log });
      } catch (error) {
        // Apollo answers for a failed context without its plugins seeing it: log here.
        if (isUnexpected(error)) request.log.error({ err: error }, "could not build the request context");
        throw error;
      }
    },
  });
  // Liveness only: the process is up and serving HTTP.
  app.get("/healthz", async () => ({ status: "ok" }));
  await app.ready();
  return { app, apollo, buildContext: ({ authorization }) => buildContext({ authorization, log: app.log }) };
}
