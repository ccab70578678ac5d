import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { DomainError, RateLimited } from "../domain/errors.ts";

// The one place where errors become what clients see.

const CODE_OF_KIND: Record<DomainError["kind"], string> = {
  "invalid-input": "BAD_USER_INPUT",
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
  "rate-limited": "RATE_LIMITED",
};

function extensionsOf(error: DomainError): Record<string, unknown> {
  return "field" in error ? { code: CODE_OF_KIND[error.kind], field: error.field } : { code: CODE_OF_KIND[error.kind] };
}

/** A domain error as a GraphQL error, for the rare place that must throw one itself (the context). */
export function toGraphQLError(error: DomainError, http?: { status: number; headers?: Map<string, string> }): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...extensionsOf(error), ...(http && { http }) } });
}

/** How soon a client may retry a request the database could not serve. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_MESSAGE = "The service is unavailable for a moment; try again shortly.";
const UNAVAILABLE = { message: UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } };

/**
 * The body of a 503 answered before GraphQL runs (the database not ready yet, a response past its
 * deadline): the same error a resolver that met an unavailable database gets.
 */
export function serviceUnavailableBody(message = UNAVAILABLE_MESSAGE): string {
  return JSON.stringify({ errors: [{ ...UNAVAILABLE, message }] });
}

/** The whole request refused because the database is unavailable: HTTP 503, as a failed resolver gets. */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError(UNAVAILABLE.message, {
    extensions: {
      ...UNAVAILABLE.extensions,
      http: { status: 503, headers: new Map([["retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** An error that is neither ours nor one of GraphQL's own request errors: a bug or an outage. */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return false;
  const code = original instanceof GraphQLError ? original.extensions.code : undefined;
  return code === undefined || code === "INTERNAL_SERVER_ERROR";
}

/**
 * Domain errors carry their code (and the input field at fault); GraphQL's own request errors pass
 * as Apollo formatted them; a database that could not answer is SERVICE_UNAVAILABLE; anything else
 * reaches the client as a bare INTERNAL_SERVER_ERROR. Neither of the last two says more.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { locations, path } = formatted;
  if (original instanceof DomainError) return { message: original.message, locations, path, extensions: extensionsOf(original) };
  if (!isUnexpected(error)) return formatted;
  if (isDatabaseUnavailable(original)) return { ...UNAVAILABLE, locations, path };
  return { message: "Internal server error", locations, path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

export interface RequestLog {
  error(details: object, message: string): void;
}

/** Logs, whole and with the request's id, each error that formatError hides from the client. */
export function unexpectedErrorLogging(): ApolloServerPlugin<{ log: RequestLog }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (isUnexpected(error)) {
              contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, "unexpected error");
            }
          }
        },
      };
    },
  };
}

/**
 * The HTTP status of a response whose errors say more than "200, see errors": too many attempts is
 * 429, and a database that could not answer is 503, whichever resolver met it; both say when to
 * come back.
 */
export function errorStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          const originals = errors?.map((error) => unwrapResolverError(error)) ?? [];
          const limited = originals.find((error) => error instanceof RateLimited);
          if (limited) {
            response.http.status = 429;
            response.http.headers.set("retry-after", String(limited.retryAfterSeconds));
          } else if (originals.some((error) => isDatabaseUnavailable(error))) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
