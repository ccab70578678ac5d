import { globalId } from "../../domain/ids.ts";
import type { Context } from "../context.ts";
import type { MessageResolvers, NewFollowerNotificationResolvers, NotificationResolvers, UnreadMessagesNotificationResolvers } from "../generated/resolvers-types.ts";

/** A user the foreign keys guarantee: one missing is a broken database, not bad input. */
async function existingUser({ loaders }: Context, userId: number, of: string) {
  const user = await loaders.userById.load(userId);
  if (!user) throw new Error(`${of} has no user ${userId}`);
  return user;
}

export const Message: MessageResolvers = {
  id: (message) => globalId("Message", message.id),
  sender: (message, _, context) => existingUser(context, message.senderId, `message ${message.id}`),
  recipient: (message, _, context) => existingUser(context, message.recipientId, `message ${message.id}`),
};

export const Notification: NotificationResolvers = {
  __resolveType: (notification) => (notification.kind === "unread_messages" ? "UnreadMessagesNotification" : "NewFollowerNotification"),
};

export const UnreadMessagesNotification: UnreadMessagesNotificationResolvers = {
  id: (notification) => globalId("Notification", notification.id),
  count: (notification) => notification.count ?? 0,
};

export const NewFollowerNotification: NewFollowerNotificationResolvers = {
  id: (notification) => globalId("Notification", notification.id),
  follower: (notification, _, context) => existingUser(context, notification.followerId!, `notification ${notification.id}`),
};
