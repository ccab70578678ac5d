import { fileURLToPath } from "node:url";

/** Where the data lives, as named by DATABASE_URL. The only parser of that variable. */
export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string };

/** `app.db` in the project root, as the tutorial keeps it, wherever the server is started from. */
export const DEFAULT_SQLITE_PATH = fileURLToPath(new URL("../../app.db", import.meta.url));

export const ACCEPTED_DATABASE_URLS =
  "unset (SQLite file app.db), file:PATH (SQLite at PATH), or postgres:// / postgresql:// (PostgreSQL)";

export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined || url === "") return { dialect: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path === "") throw new Error(`DATABASE_URL "file:" names no file; accepted: ${ACCEPTED_DATABASE_URLS}`);
    return { dialect: "sqlite", path };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return { dialect: "postgres", url };
  throw new Error(`DATABASE_URL is not a supported database URL; accepted: ${ACCEPTED_DATABASE_URLS}`);
}

/** The DATABASE_URL that names `target`: what parseDatabaseUrl reads back. */
export function databaseUrl(target: DatabaseTarget): string {
  return target.dialect === "sqlite" ? `file:${target.path}` : target.url;
}

/** Where the data lives, for a log line: the SQLite file, or PostgreSQL (its URL may carry a password). */
export function describeTarget(target: DatabaseTarget): string {
  return target.dialect === "sqlite" ? `SQLite ${target.path}` : "PostgreSQL";
}
