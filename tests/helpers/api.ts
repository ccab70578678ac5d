import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { loadConfig } from "../../src/config.ts";
import { createServer, type Server, type ServerConfig, type ServerDeps } from "../../src/server.ts";
import type { DatabaseTarget } from "../../src/db/url.ts";
import { migratedDatabase, type Engine } from "./database.ts";

export interface GraphQLResponse<Data = any> {
  status: number;
  headers: Record<string, unknown>;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: string } }[];
}

export interface OperationOptions {
  variables?: Record<string, unknown>;
  token?: string;
  /** The raw Authorization header, when a test needs one that `token` cannot make. */
  authorization?: string;
  /** The client's network address (rate limits count per address); 127.0.0.1 by default. */
  address?: string;
}

export interface TestApi {
  engine: Engine;
  database: Database;
  /** Where that database is, for connections of a test's own. */
  target: DatabaseTarget;
  server: Server;
  /** Moves the clock that tokens expire by. */
  advanceClock(ms: number): void;
  /** POSTs an operation to /graphql through the real HTTP stack. */
  gql<Data = any>(query: string, options?: OperationOptions): Promise<GraphQLResponse<Data>>;
  /**
   * Runs an operation through Apollo's executeOperation with the real context builder, and counts
   * the SQL statements it issued, the token lookup included.
   */
  countStatements(query: string, options?: OperationOptions): Promise<{ statements: number; errors?: unknown }>;
}

function authorizationOf({ token, authorization }: OperationOptions): string | undefined {
  return authorization ?? (token ? `Bearer ${token}` : undefined);
}

/**
 * A server's settings as start-up would read them from `env`, in test mode and quiet. Rate limits
 * are generous unless `env` says otherwise, so that only the tests of rate limiting meet them.
 */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    TOKEN_TTL_SECONDS: "3600",
    AUTH_RATE_LIMIT: "100000",
    LOGIN_USERNAME_RATE_LIMIT: "100000",
    FOLLOW_RATE_LIMIT: "100000",
    ...env,
  });
}

/**
 * A server over a fresh, migrated database of `engine`, for the test file that calls it: created
 * before its tests run, torn down after.
 */
export function useTestApi(
  engine: Engine,
  overrides: Pick<ServerDeps, "passwords"> & { env?: Record<string, string> } = {},
): TestApi {
  let clockOffset = 0;
  let teardown: (() => Promise<void>) | undefined;
  const api = { engine, advanceClock: (ms: number) => void (clockOffset += ms) } as TestApi;

  beforeAll(async () => {
    const { database, target, destroy } = await migratedDatabase(engine);
    const server = await createServer({
      config: testConfig(overrides.env),
      database,
      now: () => new Date(Date.now() + clockOffset),
      passwords: overrides.passwords,
    });
    Object.assign(api, { database, target, server });
    api.gql = async (query, options = {}) => {
      const authorization = authorizationOf(options);
      const response = await server.app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        payload: { query, variables: options.variables },
        remoteAddress: options.address,
      });
      return { status: response.statusCode, headers: response.headers, ...response.json() };
    };
    api.countStatements = async (query, options = {}) => {
      const { result, statements } = await database.statements.count(async () => {
        const contextValue = await server.buildContext({ authorization: authorizationOf(options) });
        return server.apollo.executeOperation({ query, variables: options.variables }, { contextValue });
      });
      if (result.body.kind !== "single") throw new Error("expected a single result");
      return { statements, errors: result.body.singleResult.errors };
    };
    teardown = async () => {
      await server.app.close();
      await destroy();
    };
  });

  afterAll(async () => {
    await teardown?.();
  });

  return api;
}
