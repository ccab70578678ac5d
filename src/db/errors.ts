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
