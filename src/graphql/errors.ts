import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { DomainError } from "../domain/errors.ts";

const CODE_OF_KIND: Record<DomainError["kind"], string> = {
  "invalid-input": "BAD_USER_INPUT",
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
};

export interface ErrorLogger {
  error(details: object, message: string): void;
}

/**
 * The one place errors become what clients see. Domain errors carry their code (and the input
 * field at fault); GraphQL's own request errors pass as Apollo formatted them; anything else is a
 * bug or an outage, and reaches the client as a bare INTERNAL_SERVER_ERROR while the log keeps it whole.
 */
export function createErrorFormatter(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: CODE_OF_KIND[original.kind] };
      if ("field" in original) extensions.field = original.field;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return formatted;
    log.error({ err: original, path: formatted.path }, "unexpected error while resolving a request");
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
