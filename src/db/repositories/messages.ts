import type { MessageStatements, MessagesRepository } from "../contract.ts";
import { read } from "./posts.ts";

export function messagesRepository(statements: MessageStatements): MessagesRepository {
  return {
    send: (message) => statements.send(message),
    async markRead(userId) {
      const user = await statements.markRead(userId);
      if (!user) throw new Error(`no user ${userId} to mark messages read for`);
      return user;
    },
    byIds: (ids) => statements.byIds.all({ ids }),
    byIdsFor: (viewerId, ids) => statements.byIdsFor.all({ viewerId, ids }),
    received: (userId, request) => read(statements.received, { userId }, request),
    receivedCount: async (userId) => (await statements.receivedCount.get({ userId }))!.n,
    conversation: (userId, otherId, request) => read(statements.conversation, { userId, otherId }, request),
    conversationCount: async (userId, otherId) => (await statements.conversationCount.get({ userId, otherId }))!.n,
  };
}
