import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { DomainError, InvalidInput, InvalidInputs, RateLimited, Unavailable } from "../domain/errors.ts";

// The one place where errors become what clients see.

const CODE_OF_KIND: Record<DomainError["kind"], string> = {
  "invalid-input": "BAD_USER_INPUT",
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
  "rate-limited": "RATE_LIMITED",
  "fell-behind": "SUBSCRIPTION_FELL_BEHIND",
  unavailable: "SERVICE_UNAVAILABLE",
};

function extensionsOf(error: DomainError): Record<string, unknown> {
  const code = CODE_OF_KIND[error.kind];
  if (error instanceof InvalidInput) return { code, field: error.field };
  if (error instanceof RateLimited) return { code, retryAfterSeconds: error.retryAfterSeconds };
  return { code };
}

/** A domain error as the client sees it, where a GraphQL error of Apollo's put it. */
function formatDomainError(error: DomainError, { locations, path }: GraphQLFormattedError): GraphQLFormattedError {
  return { message: error.message, locations, path, extensions: extensionsOf(error) };
}

/** A domain error as a GraphQL error, for the rare place that must throw one itself (the context). */
export function toGraphQLError(error: DomainError, http?: { status: number; headers?: Map<string, string> }): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...extensionsOf(error), ...(http && { http }) } });
}

/** How soon a client may retry a request the database could not serve. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_MESSAGE = "The service is unavailable for a moment; try again shortly.";
const UNAVAILABLE = { message: UNAVAILABLE_MESSAGE, extensions: { code: "SERVICE_UNAVAILABLE" } };

/** A response body of one error, GraphQL-shaped, for what is answered before GraphQL runs. */
export function errorBody(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * The body of a 503 answered before GraphQL runs (the database not ready yet, a response past its
 * deadline): the same error a resolver that met an unavailable database gets.
 */
export function serviceUnavailableBody(message = UNAVAILABLE_MESSAGE): string {
  return errorBody(message, UNAVAILABLE.extensions.code);
}

/**
 * What HTTP itself refused, before GraphQL ran (Fastify's errors: a body it cannot read, too large,
 * of a type it does not take), as a GraphQL error with the same status. Undefined for anything
 * else: a fault of ours, not the request's.
 */
export function refusedRequest(error: unknown, bodyLimitBytes: number): { status: number; body: string } | undefined {
  const { code, statusCode: status } = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; statusCode?: unknown };
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  switch (code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status, body: errorBody("Send the operation as JSON (content-type: application/json), or as a GET with the query in the URL.", "UNSUPPORTED_MEDIA_TYPE") };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status, body: errorBody(`The request body is larger than the ${bodyLimitBytes} bytes allowed.`, "PAYLOAD_TOO_LARGE") };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status, body: errorBody("The request body is empty; send the operation as JSON: {\"query\": …}.", "BAD_REQUEST") };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status, body: errorBody("The request body is not valid JSON.", "BAD_REQUEST") };
    default:
      return { status, body: errorBody("The request could not be read.", "BAD_REQUEST") };
  }
}

/** GraphQL over HTTP answers queries and mutations; a subscription gets a clear 400 saying where to send it, not an internal error. */
export function noSubscriptionsOverHttp(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError("Subscriptions are not served over HTTP: open a WebSocket to /graphql (the graphql-ws protocol).", {
            extensions: { code: "BAD_REQUEST", http: { status: 400 } },
          });
        },
      };
    },
  };
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
  // Several fields at fault: the first here; expandedInputErrors() below puts all of them in its place.
  if (original instanceof InvalidInputs) {
    const all = original.errors.map((error) => formatDomainError(error, formatted));
    expansions.set(all[0]!, all);
    return all[0]!;
  }
  if (original instanceof DomainError) return formatDomainError(original, formatted);
  if (!isUnexpected(error)) return formatted;
  if (isDatabaseUnavailable(original)) return { ...UNAVAILABLE, locations, path };
  return { message: "Internal server error", locations, path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** The error formatError showed for several fields at fault, to all of them (the first included). */
const expansions = new WeakMap<GraphQLFormattedError, readonly GraphQLFormattedError[]>();

/**
 * An input with several fields at fault is reported as one error per field, in the input's order
 * (formatError answers one error per thrown error, so the others are put in here, found by the
 * very error it showed).
 */
export function expandedInputErrors(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.flatMap((shown) => expansions.get(shown) ?? [shown]);
        },
      };
    },
  };
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
          } else if (originals.some((error) => isDatabaseUnavailable(error) || error instanceof Unavailable)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}
