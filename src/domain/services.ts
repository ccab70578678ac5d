import type { Repositories } from "../db/contract.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { createAuthService } from "./auth.ts";
import { createFollowsService } from "./follows.ts";
import { createNodesService } from "./nodes.ts";
import type { PasswordHasher } from "./passwords.ts";
import { createPostsService } from "./posts.ts";
import { createSearchService } from "./search.ts";
import { createUsersService } from "./users.ts";

export interface ServiceDeps {
  repos: Repositories;
  passwords: PasswordHasher;
  attempts: AttemptLimiter;
  tokenTtlSeconds: number;
  maxFollowing: number;
  now: () => Date;
}

/** The domain's use cases, built once per process; each takes the viewer it acts for. */
export function createServices(deps: ServiceDeps) {
  return {
    auth: createAuthService(deps),
    users: createUsersService(deps.repos),
    posts: createPostsService(deps.repos),
    follows: createFollowsService(deps),
    nodes: createNodesService(),
    search: createSearchService(deps.repos),
  };
}

export type Services = ReturnType<typeof createServices>;
