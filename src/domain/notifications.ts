import type { NotificationRow, Repositories } from "../db/contract.ts";
import { InvalidInput } from "./errors.ts";
import { rowIdOf } from "./ids.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

export const MAX_NOTIFICATIONS = 100;
const DEFAULT_NOTIFICATIONS = 50;
const DAY_MS = 86_400_000;

export interface NotificationsDeps {
  repos: Repositories;
  retentionDays: number;
  now: () => Date;
}

export function createNotificationsService({ repos, retentionDays, now }: NotificationsDeps) {
  /** Notifications created before this are past their retention: swept, and never shown meanwhile. */
  const retainedSince = () => new Date(now().getTime() - retentionDays * DAY_MS);

  return {
    /**
     * The viewer's notifications created after the one whose id is `after` (all those kept when
     * null), oldest first. `after` is a position: a notification since replaced or swept still marks one.
     */
    async after(viewer: Viewer | null, args: { after?: string | null; first?: number | null }): Promise<NotificationRow[]> {
      const { user } = requireViewer(viewer);
      const first = args.first ?? DEFAULT_NOTIFICATIONS;
      if (!Number.isInteger(first) || first < 1 || first > MAX_NOTIFICATIONS) {
        throw new InvalidInput("first", `first must be between 1 and ${MAX_NOTIFICATIONS}.`);
      }
      const afterId = args.after === null || args.after === undefined ? 0 : rowIdOf(args.after, "Notification");
      if (afterId === undefined) throw new InvalidInput("after", "after is not a notification id.");
      return repos.notifications.after(user.id, afterId, retainedSince(), first);
    },

    /** Deletes the notifications past their retention. */
    sweep: () => repos.notifications.sweep(retainedSince()),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
