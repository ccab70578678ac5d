import { z } from "zod";
import { parseDatabaseUrl, type DatabaseTarget } from "./db/url.ts";

const booleanFlag = z.enum(["true", "false"]).transform((value) => value === "true");

/** Every environment variable the service reads, with its default. README.md lists them too. */
const environment = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
  MIGRATE_ON_START: booleanFlag.default(true),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
});

export interface Config {
  mode: "development" | "production" | "test";
  database: DatabaseTarget;
  databasePoolSize: number;
  host: string;
  port: number;
  logLevel: z.infer<typeof environment>["LOG_LEVEL"];
  tokenTtlSeconds: number;
  migrateOnStart: boolean;
}

export class ConfigError extends Error {}

/** Reads and checks the whole configuration once, at start-up; the message names what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`PORT=`) means the same as one not set at all.
  const parsed = environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const vars = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(vars.DATABASE_URL);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
  return {
    mode: vars.NODE_ENV,
    database,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    host: vars.HOST,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    tokenTtlSeconds: vars.TOKEN_TTL_SECONDS,
    migrateOnStart: vars.MIGRATE_ON_START,
  };
}
