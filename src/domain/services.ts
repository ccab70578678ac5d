import type { Repositories } from "../db/contract.ts";
import type { LiveEvents } from "../events/events.ts";
import type { JobHandlers, JobQueue } from "../jobs/queue.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { createAuthService } from "./auth.ts";
import { createFollowsService } from "./follows.ts";
import { createLiveService } from "./live.ts";
import { createMessagesService } from "./messages.ts";
import { createNodesService } from "./nodes.ts";
import { createNotificationsService } from "./notifications.ts";
import { createPasswordResetService } from "./password-reset.ts";
import type { PasswordHasher } from "./passwords.ts";
import { createPostsService } from "./posts.ts";
import { createSearchService } from "./search.ts";
import { createTasksService } from "./tasks.ts";
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
  /** Where background work goes: BullMQ on Redis, or this process. */
  jobs: JobQueue;
  mailer: Mailer;
  /** Absolute links (downloads) start with this; relative ones when absent. */
  publicUrl?: string;
  exportRetentionDays: number;
  /** The frontend's reset page, with `{token}` where the token goes. */
  passwordResetUrl: string;
  resetTokenTtlSeconds: number;
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
    tasks: createTasksService(deps),
    passwordReset: createPasswordResetService({ ...deps, resetUrl: deps.passwordResetUrl, tokenTtlSeconds: deps.resetTokenTtlSeconds }),
  };
}

/** What a process that runs jobs does with each: the same code in a server and in `npm run worker`. */
export function jobHandlers(services: Pick<Services, "tasks" | "passwordReset">): JobHandlers {
  return {
    async run(job, run) {
      switch (job.name) {
        case "export_posts":
          return services.tasks.runExport(job.taskId, run);
        case "export_email":
          return services.tasks.emailExport(job.taskId);
        case "password_reset_email":
          return services.passwordReset.sendEmail(job.email);
      }
    },
    async failed(job) {
      if (job.name === "export_posts") await services.tasks.failed(job.taskId);
    },
  };
}

export type Services = ReturnType<typeof createServices>;
