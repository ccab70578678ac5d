import { globalId } from "../../domain/ids.ts";
import type { Context } from "../context.ts";
import type {
  MessageResolvers,
  NewFollowerNotificationResolvers,
  NotificationResolvers,
  TaskProgressNotificationResolvers,
  UnreadMessagesNotificationResolvers,
} from "../generated/resolvers-types.ts";

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

const NOTIFICATION_TYPES = {
  unread_messages: "UnreadMessagesNotification",
  new_follower: "NewFollowerNotification",
  task_progress: "TaskProgressNotification",
} as const;

export const Notification: NotificationResolvers = {
  __resolveType: (notification) => NOTIFICATION_TYPES[notification.kind],
};

export const UnreadMessagesNotification: UnreadMessagesNotificationResolvers = {
  id: (notification) => globalId("Notification", notification.id),
  count: (notification) => notification.count ?? 0,
};

export const NewFollowerNotification: NewFollowerNotificationResolvers = {
  id: (notification) => globalId("Notification", notification.id),
  follower: (notification, _, context) => existingUser(context, notification.followerId!, `notification ${notification.id}`),
};

export const TaskProgressNotification: TaskProgressNotificationResolvers = {
  id: (notification) => globalId("Notification", notification.id),
  // Read when the notification is: the task as it is now. Only its owner ever gets the notification.
  task: async (notification, _, { loaders }) => {
    const task = await loaders.taskById.load(notification.taskId!);
    if (!task) throw new Error(`notification ${notification.id} has no task ${notification.taskId}`);
    return task;
  },
};
