import { GraphQLError } from "graphql";
import type { Repositories } from "../db/repositories/types.ts";
import type { AuthService } from "../domain/auth.ts";
import { DomainError, Unauthenticated } from "../domain/errors.ts";
import type { Viewer } from "../domain/viewer.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import type { Services } from "../domain/services.ts";

export interface Context {
  viewer: Viewer | null;
  services: Services;
  loaders: Loaders;
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Builds each request's context. No Authorization header: anonymous. A header that is not a
 * well-formed, live bearer token: the whole request is refused with HTTP 401, whatever it asks.
 */
export function createContextBuilder(services: Services, repos: Repositories) {
  return async ({ authorization }: { authorization: string | undefined }): Promise<Context> => {
    const viewer = authorization ? await authenticate(services.auth, authorization) : null;
    return { viewer, services, loaders: createLoaders(repos) };
  };
}

async function authenticate(auth: AuthService, authorization: string): Promise<Viewer> {
  const token = BEARER.exec(authorization)?.[1];
  try {
    if (token === undefined) throw new Unauthenticated("The Authorization header must be `Bearer <token>`.");
    return await auth.authenticate(token);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== "unauthenticated") throw error;
    throw new GraphQLError(error.message, {
      extensions: {
        code: "UNAUTHENTICATED",
        http: { status: 401, headers: new Map([["www-authenticate", 'Bearer error="invalid_token"']]) },
      },
    });
  }
}
