import type { Repositories } from "../db/contract.ts";
import type { LiveEvents } from "../events/events.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { createAuthService } from "./auth.ts";
import { createFollowsService } from "./follows.ts";
import { createLiveService } from "./live.ts";
import { createMessagesService } from "./messages.ts";
import { createNodesService } from "./nodes.ts";
import { createNotificationsService } from "./notifications.ts";
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
  notificationRetentionDays: number;
  now: () => Date;
  /** What every instance's writes announce: the live subscriptions' source. */
  events: LiveEvents;
  log: { error(details: object, message: string): void };
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
    messages: createMessagesService(deps),
    notifications: createNotificationsService({ repos: deps.repos, retentionDays: deps.notificationRetentionDays, now: deps.now }),
    live: createLiveService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
