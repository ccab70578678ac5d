import { and, count, eq, or, sql, type SQLWrapper } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { unionAll } from "drizzle-orm/pg-core";
import type { MessageStatements } from "../../contract.ts";
import { afterInNewestFirst, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import { inIdList, pages, query } from "./prepared.ts";
import { messages, notifications, users } from "./schema.ts";

type Transaction = Parameters<Parameters<PostgresJsDatabase["transaction"]>[0]>[0];

const USER_ID = sql.placeholder("userId");
const OTHER_ID = sql.placeholder("otherId");

/**
 * The user's one unread-messages notification, replaced by a newer one of `unread`. The caller holds
 * the user's row lock (it has just updated their count): notifications of one user get their ids in
 * commit order.
 */
export async function replaceUnreadNotification(tx: Transaction, userId: number, unread: number): Promise<void> {
  await tx.delete(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "unread_messages")));
  await tx.insert(notifications).values({ userId, kind: "unread_messages", count: unread });
}

export function messageStatements(db: PostgresJsDatabase): MessageStatements {
  /** What `from` sent `to`, newest first past the cursor: a backward range of the sender's index. */
  const sentBy = (from: SQLWrapper, to: SQLWrapper, after?: NewestFirstBound) =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.senderId, from), eq(messages.recipientId, to), afterInNewestFirst(messages, after)))
      .orderBy(...newestFirst(messages))
      .limit(LIMIT);
  const between = or(
    and(eq(messages.senderId, USER_ID), eq(messages.recipientId, OTHER_ID)),
    and(eq(messages.senderId, OTHER_ID), eq(messages.recipientId, USER_ID)),
  );
  return {
    async send({ senderId, recipientId, body }) {
      return db.transaction(async (tx) => {
        const [recipient] = await tx
          .update(users)
          .set({ unreadMessageCount: sql`${users.unreadMessageCount} + 1` })
          .where(eq(users.id, recipientId))
          .returning({ unread: users.unreadMessageCount });
        if (!recipient) throw new Error(`no user ${recipientId} to send a message to`);
        const [message] = await tx.insert(messages).values({ senderId, recipientId, body }).returning();
        await replaceUnreadNotification(tx, recipientId, recipient.unread);
        return message!;
      });
    },
    async markRead(userId) {
      return db.transaction(async (tx) => {
        const [user] = await tx.update(users).set({ unreadMessageCount: 0 }).where(eq(users.id, userId)).returning();
        if (user) await replaceUnreadNotification(tx, userId, 0);
        return user;
      });
    },
    byIds: query(db.select().from(messages).where(inIdList(messages.id, "ids"))),
    byIdsFor: query(
      db
        .select()
        .from(messages)
        .where(and(inIdList(messages.id, "ids"), or(eq(messages.senderId, sql.placeholder("viewerId")), eq(messages.recipientId, sql.placeholder("viewerId"))))),
    ),
    received: pages((after) =>
      db.select().from(messages).where(and(eq(messages.recipientId, USER_ID), afterInNewestFirst(messages, after))).orderBy(...newestFirst(messages)).limit(LIMIT),
    ),
    receivedCount: query(db.select({ n: count() }).from(messages).where(eq(messages.recipientId, USER_ID))),
    // Each way a range of the sender's index with a limit; the newest `limit` of both are the page.
    conversation: pages((after) => {
      const both = unionAll(sentBy(USER_ID, OTHER_ID, after), sentBy(OTHER_ID, USER_ID, after)).as("both");
      return db.select().from(both).orderBy(...newestFirst(both)).limit(LIMIT);
    }),
    conversationCount: query(db.select({ n: count() }).from(messages).where(between)),
  };
}
