import { fileURLToPath } from "node:url";

/** Where the data lives, as named by DATABASE_URL. The only parser of that variable. */
export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string };

/** `app.db` in the project root, as the tutorial keeps it, wherever the server is started from. */
export const DEFAULT_SQLITE_PATH = fileURLToPath(new URL("../../app.db", import.meta.url));

export const ACCEPTED_DATABASE_URLS =
  "unset (SQLite file app.db), file:PATH (SQLite at PATH), or postgres:// / postgresql:// (PostgreSQL)";

/**
 * Unset means the SQLite file app.db. Set but empty is refused rather than read as unset: in CI it is
 * a secret that was never filled in, and migrating the default file would succeed at the wrong thing.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (url === undefined) return { dialect: "sqlite", path: DEFAULT_SQLITE_PATH };
  if (url.trim() === "") {
    throw new Error(`DATABASE_URL is set but empty (a secret left unset?); unset it for the SQLite file app.db, or name a database: ${ACCEPTED_DATABASE_URLS}`);
  }
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length);
    if (path === "") throw new Error(`DATABASE_URL "file:" names no file; accepted: ${ACCEPTED_DATABASE_URLS}`);
    return { dialect: "sqlite", path };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    // Without one, the driver connects to the database named like the user: rarely the one meant.
    // (A URL the WHATWG parser cannot read, such as a list of hosts, is left to the driver.)
    if (URL.canParse(url) && ["", "/"].includes(new URL(url).pathname)) {
      throw new Error("DATABASE_URL names no PostgreSQL database; add it after the host: postgres://user@host:5432/<database>");
    }
    return { dialect: "postgres", url };
  }
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
