import { and, count, eq, inArray, or, sql, type SQLWrapper } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { alias, unionAll } from "drizzle-orm/sqlite-core";
import type { MessageStatements } from "../../contract.ts";
import type { LiveEvent } from "../../../events/events.ts";
import { afterInNewestFirst, LIMIT, newestFirst, type NewestFirstBound } from "../keyset.ts";
import { inIdList, pages, query } from "./prepared.ts";
import { messages, notifications, users } from "./schema.ts";

type Transaction = Parameters<Parameters<BetterSQLite3Database["transaction"]>[0]>[0];

const USER_ID = sql.placeholder("userId");
const OTHER_ID = sql.placeholder("otherId");

/** The user's one unread-messages notification, replaced by a newer one of `unread`; the new one's id. */
function replaceUnreadNotification(tx: Transaction, userId: number, unread: number): number {
  tx.delete(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "unread_messages"))).run();
  return tx.insert(notifications).values({ userId, kind: "unread_messages", count: unread }).returning({ id: notifications.id }).get()!.id;
}

export function messageStatements(db: BetterSQLite3Database, publish: (event: LiveEvent) => void): MessageStatements {
  /**
   * The keys of what `from` sent `to`, newest first past the cursor: a backward range of the sender's
   * index. Wrapped in a subquery of its own: SQLite takes no ORDER BY or LIMIT on a UNION's members.
   */
  const sentBy = (way: "mine" | "theirs", from: SQLWrapper, to: SQLWrapper, after?: NewestFirstBound) => {
    const sent = alias(messages, "sent");
    const range = db
      .select({ id: sent.id, timestamp: sent.timestamp })
      .from(sent)
      .where(and(eq(sent.senderId, from), eq(sent.recipientId, to), afterInNewestFirst(sent, after)))
      .orderBy(...newestFirst(sent))
      .limit(LIMIT)
      .as(way);
    return db.select({ id: range.id, timestamp: range.timestamp }).from(range);
  };
  const between = or(
    and(eq(messages.senderId, USER_ID), eq(messages.recipientId, OTHER_ID)),
    and(eq(messages.senderId, OTHER_ID), eq(messages.recipientId, USER_ID)),
  );
  return {
    async send({ senderId, recipientId, body }) {
      // IMMEDIATE: the write lock before the count is read and moved.
      const { message, notificationId } = db.transaction(
        (tx) => {
          const recipient = tx
            .update(users)
            .set({ unreadMessageCount: sql`${users.unreadMessageCount} + 1` })
            .where(eq(users.id, recipientId))
            .returning({ unread: users.unreadMessageCount })
            .get();
          if (!recipient) throw new Error(`no user ${recipientId} to send a message to`);
          const message = tx.insert(messages).values({ senderId, recipientId, body }).returning().get()!;
          return { message, notificationId: replaceUnreadNotification(tx, recipientId, recipient.unread) };
        },
        { behavior: "immediate" },
      );
      // Committed: announced.
      publish({ type: "message", id: message.id, recipientId });
      publish({ type: "notification", id: notificationId, userId: recipientId });
      return message;
    },
    async markRead(userId) {
      const result = db.transaction(
        (tx) => {
          const user = tx.update(users).set({ unreadMessageCount: 0 }).where(eq(users.id, userId)).returning().get();
          return user && { user, notificationId: replaceUnreadNotification(tx, userId, 0) };
        },
        { behavior: "immediate" },
      );
      if (result) publish({ type: "notification", id: result.notificationId, userId });
      return result?.user;
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
    // Each way a range of the sender's index with a limit (keys only); the newest `limit` of both
    // are the page, read by id.
    conversation: pages((after) => {
      const both = unionAll(sentBy("mine", USER_ID, OTHER_ID, after), sentBy("theirs", OTHER_ID, USER_ID, after)).as("both");
      const newest = db.select({ id: both.id }).from(both).orderBy(...newestFirst(both)).limit(LIMIT);
      return db.select().from(messages).where(inArray(messages.id, newest)).orderBy(...newestFirst(messages));
    }),
    conversationCount: query(db.select({ n: count() }).from(messages).where(between)),
  };
}
