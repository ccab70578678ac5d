import type { NotificationStatements, NotificationsRepository } from "../contract.ts";

export function notificationsRepository(statements: NotificationStatements): NotificationsRepository {
  return {
    after: (userId, afterId, since, limit) => statements.after.all({ userId, afterId, since, limit }),
    byIds: (ids) => statements.byIds.all({ ids }),
    sweep: (before) => statements.sweep.run({ before }),
  };
}
