import type { Repositories } from "../db/contract.ts";
import type { AuthService, Client } from "../domain/auth.ts";
import { DomainError, Unauthenticated } from "../domain/errors.ts";
import type { Services } from "../domain/services.ts";
import type { Viewer } from "../domain/viewer.ts";
import { toGraphQLError, type RequestLog } from "./errors.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export interface Context {
  /** Who the bearer token says is asking; null when anonymous. */
  viewer: Viewer | null;
  /**
   * The users this request may see as themselves: the viewer, and whoever `register` or `login`
   * signed in during it, so that their payload shows their own email.
   */
  signedInAs: Set<number>;
  /** Where the request comes from (rate limits count attempts per client). */
  client: Client;
  services: Services;
  /** Where the loaders read from (a live event's are made anew for each event). */
  repos: Repositories;
  loaders: Loaders;
  /** The request's logger: its lines carry the request id. */
  log: RequestLog;
}

export interface ContextRequest {
  authorization: string | undefined;
  /** The client's address, as the HTTP server sees it (through trusted proxies only). */
  address: string;
  log: RequestLog;
}

const BEARER = /^Bearer +(\S+) *$/i;

/** The token of an `Authorization: Bearer <token>` header; undefined for any other header, or none. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
}

/**
 * Builds each request's context. No Authorization header: anonymous. A header that is not a
 * well-formed, live bearer token: the whole request is refused with HTTP 401, whatever it asks.
 */
export function createContextBuilder(services: Services, repos: Repositories) {
  return async ({ authorization, address, log }: ContextRequest): Promise<Context> => {
    const viewer = authorization ? await authenticate(services.auth, authorization) : null;
    return {
      viewer,
      signedInAs: new Set(viewer ? [viewer.user.id] : []),
      client: { address },
      services,
      repos,
      loaders: createLoaders(repos, viewer),
      log,
    };
  };
}

async function authenticate(auth: AuthService, authorization: string): Promise<Viewer> {
  const token = bearerToken(authorization);
  try {
    if (token === undefined) throw new Unauthenticated("The Authorization header must be `Bearer <token>`.");
    return await auth.authenticate(token);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw toGraphQLError(error, {
      status: 401,
      headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]),
    });
  }
}
