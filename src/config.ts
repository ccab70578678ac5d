import { z } from "zod";
import { parseDatabaseUrl, type DatabaseTarget } from "./db/url.ts";

const booleanFlag = z.enum(["true", "false"]).transform((value) => value === "true");
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every environment variable the service reads, with its default. README.md lists them too. */
const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: count(0, 65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TOKEN_TTL_SECONDS: count(60, 31_536_000).default(86_400),
  MIGRATE_ON_START: booleanFlag.default(true),
  DATABASE_POOL_SIZE: count(1, 100).default(10),
  /** Default: on, except in production. */
  INTROSPECTION: booleanFlag.optional(),
  /** Comma-separated origins, or `*`. Default: any origin, except in production (none). */
  CORS_ORIGINS: z.string().optional(),
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  TRUST_PROXY: booleanFlag.default(false),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  SHUTDOWN_TIMEOUT_SECONDS: count(1, 600).default(10),
  BODY_LIMIT_BYTES: count(1_024, 10_485_760).default(102_400),
  MAX_DEPTH: count(2, 100).default(10),
  MAX_COST: count(10, 10_000_000).default(10_000),
  MAX_ALIASES: count(1, 1_000).default(15),
  MAX_DIRECTIVES: count(1, 1_000).default(20),
  MAX_TOKENS: count(100, 100_000).default(2_000),
  AUTH_RATE_LIMIT: count(1, 100_000).default(10),
  LOGIN_USERNAME_RATE_LIMIT: count(1, 100_000).default(5),
  RATE_LIMIT_WINDOW_SECONDS: count(1, 86_400).default(60),
  FOLLOW_RATE_LIMIT: count(1, 100_000).default(100),
  MAX_FOLLOWING: count(1, 1_000_000).default(5_000),
  MESSAGE_RATE_LIMIT: count(1, 100_000).default(30),
  NOTIFICATION_RETENTION_DAYS: count(1, 3_650).default(30),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: count(1, 1_000).default(20),
  HEADERS_TIMEOUT_MS: count(100, 600_000).default(10_000),
  REQUEST_TIMEOUT_MS: count(100, 600_000).default(20_000),
  RESPONSE_TIMEOUT_MS: count(100, 600_000).default(4_000),
  DATABASE_STATEMENT_TIMEOUT_MS: count(0, 3_600_000).default(3_000),
  DATABASE_LOCK_TIMEOUT_MS: count(0, 3_600_000).default(1_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: count(0, 3_600_000).default(10_000),
  DATABASE_CONNECT_TIMEOUT_MS: count(100, 600_000).default(2_000),
  DATABASE_RECONNECT_MAX_DELAY_MS: count(0, 60_000).default(1_000),
  SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /** Where this server is reached from outside (download links): https://api.example.com. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  EXPORT_RETENTION_DAYS: count(1, 3_650).default(7),
  /** With REDIS_URL: false keeps this instance from running jobs (a separate `npm run worker` does). */
  RUN_WORKER: booleanFlag.default(true),
  /** Every key in Redis (rate limits, the job queue) starts with this: deployments sharing a Redis keep apart. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "must be 1 to 64 letters, digits, or _ . : -").default("microblog"),
  /** A job whose worker stops answering (killed) is taken up again by another after this long. */
  JOB_LOCK_SECONDS: count(1, 3_600).default(30),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  PASSWORD_RESET_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  RESET_TOKEN_TTL_SECONDS: count(60, 86_400).default(900),
  PASSWORD_RESET_RATE_LIMIT: count(1, 100_000).default(5),
});

/** What one request may ask for; anything beyond is refused before it runs. */
export interface RequestLimits {
  bodyBytes: number;
  depth: number;
  /** Pagination-aware: a list multiplies the cost of what it holds by its `first`. */
  cost: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/** How many attempts each client may make per window. */
export interface RateLimits {
  /** `login`, `register` and `changePassword`: each per client address. */
  authPerAddress: number;
  /** `login`: per username, whatever the address. */
  loginPerUsername: number;
  /** `follow` and `unfollow` together: per signed-in user. */
  followsPerUser: number;
  /** `sendMessage`: per signed-in user. */
  messagesPerUser: number;
  /** `requestPasswordReset`: per client address, and per address asked about. */
  passwordResetsPerAddress: number;
  windowSeconds: number;
  /** Shared by every instance when set; in this process's memory otherwise. */
  redisUrl?: string;
  /** Their keys in Redis start with this (REDIS_PREFIX). */
  redisPrefix: string;
}

/** How long the HTTP server waits for a client, in milliseconds. */
export interface HttpTimeouts {
  /** From connecting (or the previous response) to the end of the request's headers. */
  headersMs: number;
  /** From connecting to the end of the request's body, however slowly it trickles in. */
  requestMs: number;
  /** From the end of the request to its answer: past it, a GraphQL request is answered 503. */
  responseMs: number;
}

/**
 * How long the database may take, in milliseconds; 0 is no limit. The statement, lock and
 * idle-in-transaction limits are PostgreSQL's session settings; SQLite has only the lock timeout
 * (its busy timeout) and runs its statements to the end.
 */
export interface DatabaseTimeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  connectMs: number;
  /** The longest wait between two attempts to reconnect. */
  reconnectMaxDelayMs: number;
}

/** Background jobs: BullMQ on Redis when `redisUrl` is set, this process otherwise. */
export interface JobsConfig {
  redisUrl?: string;
  /** Whether this process runs jobs (always, without Redis). */
  runWorker: boolean;
  redisPrefix: string;
  lockSeconds: number;
  exportRetentionDays: number;
}

/** Outgoing email: SMTP when `smtpUrl` is set; otherwise `.eml` files in development, nothing in production. */
export interface MailConfig {
  smtpUrl?: string;
  from: string;
  /** The frontend's reset page, `{token}` where the token goes. */
  passwordResetUrl: string;
  resetTokenTtlSeconds: number;
}

/** A development server's reset page when PASSWORD_RESET_URL is not set (a frontend's dev server). */
export const DEVELOPMENT_PASSWORD_RESET_URL = "http://localhost:3000/reset-password?token={token}";
const DEVELOPMENT_MAIL_FROM = "Microblog <no-reply@localhost>";

export interface Config {
  mode: "development" | "production" | "test";
  database: DatabaseTarget;
  databasePoolSize: number;
  databaseTimeouts: DatabaseTimeouts;
  /** FULL: a transaction acknowledged is on disk. NORMAL: faster, but may lose the last writes on power loss. */
  sqliteSynchronous: "FULL" | "NORMAL";
  /** How many users one account may follow. */
  maxFollowing: number;
  /** Notifications older than this are swept. */
  notificationRetentionDays: number;
  /** How many subscriptions one WebSocket may hold at once. */
  maxSubscriptionsPerConnection: number;
  httpTimeouts: HttpTimeouts;
  host: string;
  port: number;
  logLevel: z.infer<typeof environment>["LOG_LEVEL"];
  tokenTtlSeconds: number;
  migrateOnStart: boolean;
  introspection: boolean;
  /** `true`: any origin; a list: those; empty: no cross-origin browser requests. */
  corsOrigins: true | string[];
  trustProxy: boolean;
  shutdownTimeoutSeconds: number;
  limits: RequestLimits;
  rateLimits: RateLimits;
  /** Absolute links (downloads) start with this; relative ones when absent. */
  publicUrl?: string;
  jobs: JobsConfig;
  mail: MailConfig;
}

export class ConfigError extends Error {}

function corsOrigins(value: string | undefined, mode: Config["mode"]): true | string[] {
  if (value === undefined) return mode === "production" ? [] : true;
  const origins = value.split(",").map((origin) => origin.trim()).filter(Boolean);
  if (origins.includes("*")) {
    // Tokens travel in a header, not a cookie, but an open door is still a choice to make twice.
    if (mode === "production") throw new ConfigError("Invalid configuration: CORS_ORIGINS: `*` is refused in production; list the origins");
    return true;
  }
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new ConfigError(`Invalid configuration: CORS_ORIGINS: ${JSON.stringify(origin)} is not an origin like https://app.example.com`);
    }
  }
  return origins;
}

/** Reads and checks the whole configuration once, at start-up; the message names what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`PORT=`) means the same as one not set at all.
  const parsed = environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const vars = parsed.data;
  if (vars.HEADERS_TIMEOUT_MS > vars.REQUEST_TIMEOUT_MS) {
    throw new ConfigError("Invalid configuration: HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS");
  }
  if (vars.RUN_WORKER === false && !vars.REDIS_URL) {
    throw new ConfigError("Invalid configuration: RUN_WORKER: false needs REDIS_URL (jobs then run in `npm run worker`); without Redis, jobs run in the server");
  }
  if (vars.SMTP_URL && !vars.PASSWORD_RESET_URL) {
    throw new ConfigError("Invalid configuration: PASSWORD_RESET_URL: required with SMTP_URL (the frontend's page, with {token} where the token goes)");
  }
  if (vars.SMTP_URL && !vars.MAIL_FROM) {
    throw new ConfigError('Invalid configuration: MAIL_FROM: required with SMTP_URL (for example "Microblog <no-reply@example.com>")');
  }
  if (vars.PASSWORD_RESET_URL && !vars.PASSWORD_RESET_URL.includes("{token}")) {
    throw new ConfigError("Invalid configuration: PASSWORD_RESET_URL: must contain {token}, where the reset token goes");
  }
  let database: DatabaseTarget;
  try {
    // Read as given: empty is not unset here (see parseDatabaseUrl).
    database = parseDatabaseUrl(env.DATABASE_URL);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
  return {
    mode: vars.NODE_ENV,
    database,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      statementMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: vars.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: vars.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      connectMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      reconnectMaxDelayMs: vars.DATABASE_RECONNECT_MAX_DELAY_MS,
    },
    sqliteSynchronous: vars.SQLITE_SYNCHRONOUS,
    maxFollowing: vars.MAX_FOLLOWING,
    notificationRetentionDays: vars.NOTIFICATION_RETENTION_DAYS,
    maxSubscriptionsPerConnection: vars.MAX_SUBSCRIPTIONS_PER_CONNECTION,
    httpTimeouts: { headersMs: vars.HEADERS_TIMEOUT_MS, requestMs: vars.REQUEST_TIMEOUT_MS, responseMs: vars.RESPONSE_TIMEOUT_MS },
    host: vars.HOST,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    tokenTtlSeconds: vars.TOKEN_TTL_SECONDS,
    migrateOnStart: vars.MIGRATE_ON_START,
    introspection: vars.INTROSPECTION ?? vars.NODE_ENV !== "production",
    corsOrigins: corsOrigins(vars.CORS_ORIGINS, vars.NODE_ENV),
    trustProxy: vars.TRUST_PROXY,
    shutdownTimeoutSeconds: vars.SHUTDOWN_TIMEOUT_SECONDS,
    limits: {
      bodyBytes: vars.BODY_LIMIT_BYTES,
      depth: vars.MAX_DEPTH,
      cost: vars.MAX_COST,
      aliases: vars.MAX_ALIASES,
      directives: vars.MAX_DIRECTIVES,
      tokens: vars.MAX_TOKENS,
    },
    rateLimits: {
      authPerAddress: vars.AUTH_RATE_LIMIT,
      loginPerUsername: vars.LOGIN_USERNAME_RATE_LIMIT,
      followsPerUser: vars.FOLLOW_RATE_LIMIT,
      messagesPerUser: vars.MESSAGE_RATE_LIMIT,
      passwordResetsPerAddress: vars.PASSWORD_RESET_RATE_LIMIT,
      windowSeconds: vars.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: vars.REDIS_URL,
      redisPrefix: vars.REDIS_PREFIX,
    },
    publicUrl: vars.PUBLIC_URL?.replace(/\/+$/, ""),
    jobs: {
      redisUrl: vars.REDIS_URL,
      runWorker: vars.RUN_WORKER,
      redisPrefix: vars.REDIS_PREFIX,
      lockSeconds: vars.JOB_LOCK_SECONDS,
      exportRetentionDays: vars.EXPORT_RETENTION_DAYS,
    },
    mail: {
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? DEVELOPMENT_MAIL_FROM,
      passwordResetUrl: vars.PASSWORD_RESET_URL ?? DEVELOPMENT_PASSWORD_RESET_URL,
      resetTokenTtlSeconds: vars.RESET_TOKEN_TTL_SECONDS,
    },
  };
}
