import { DrizzleQueryError } from "drizzle-orm";

/**
 * The name of the unique index or constraint that `error` violated, or undefined when it is not a
 * unique violation. SQLite names it in the message; PostgreSQL in the error's fields (code 23505).
 */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const cause: unknown = error instanceof DrizzleQueryError ? error.cause : error;
  if (typeof cause !== "object" || cause === null) return undefined;
  const { code, message, constraint_name } = cause as { code?: unknown; message?: unknown; constraint_name?: unknown };
  if (code === "23505") return typeof constraint_name === "string" ? constraint_name : "";
  if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    // "UNIQUE constraint failed: index 'users_username_lower_key'" or "…: tokens.token_hash"
    const match = typeof message === "string" ? /failed: (?:index '([^']+)'|(.+))$/.exec(message) : null;
    return match?.[1] ?? match?.[2] ?? "";
  }
  return undefined;
}

/** Which user field a failed insert or update collided on, if it collided on one. */
export function takenUserField(error: unknown): "username" | "email" | undefined {
  switch (violatedUniqueConstraint(error)) {
    case "users_username_lower_key":
      return "username";
    case "users_email_lower_key":
      return "email";
    default:
      return undefined;
  }
}

/** Drivers' own codes for a connection that failed, broke or was never made. */
const CONNECTION_FAILURES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's conditions that say "not now" rather than "never" (besides any FATAL error, which ends
 * the session): a connection problem (class 08), too little of a resource (class 53), the server
 * shutting down or starting (57P01–57P03), a statement or lock that ran out of time (57014, 55P03),
 * a session ended for idling in a transaction (25P03), and a transaction that lost a race and may
 * simply be run again (40001, 40P01).
 */
function isTransientPostgresState(state: string): boolean {
  return (
    state.startsWith("08") ||
    state.startsWith("53") ||
    ["57P01", "57P02", "57P03", "57014", "55P03", "25P03", "40001", "40P01"].includes(state)
  );
}

/** SQLite's: the database is locked past the busy timeout, its disk is full or failing, or it cannot be opened. */
const TRANSIENT_SQLITE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN)/;

/**
 * Whether `error` means the database could not do the work now (unreachable, overloaded, out of
 * time) rather than that the work itself is wrong: such a request is worth retrying, and is answered
 * 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; typeof cause === "object" && cause !== null && depth < 5; depth += 1) {
    const { code, severity } = cause as { code?: unknown; severity?: unknown };
    // PostgreSQL ends a session it cannot serve with FATAL: refused at start-up, terminated, shut down.
    if (severity === "FATAL" || severity === "PANIC") return true;
    if (typeof code === "string") {
      if (CONNECTION_FAILURES.has(code) || TRANSIENT_SQLITE.test(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && isTransientPostgresState(code)) return true;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
