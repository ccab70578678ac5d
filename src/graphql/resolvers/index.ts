import type { Resolvers } from "../generated/resolvers-types.ts";
import { DateTime } from "./date-time.ts";
import { Message, NewFollowerNotification, Notification, TaskProgressNotification, UnreadMessagesNotification } from "./message.ts";
import { Mutation } from "./mutation.ts";
import { DeletePostPayload, Node } from "./node.ts";
import { Post } from "./post.ts";
import { Query } from "./query.ts";
import { Subscription } from "./subscription.ts";
import { Task } from "./task.ts";
import { User } from "./user.ts";

/**
 * A connection's count is read only when a client selects it: `totalCount` is a function of the
 * page, called here (graphql-js would call a function-valued property by itself; graphql-jit, which
 * runs our queries, reads properties as they are).
 */
const connection = { totalCount: (page: { totalCount: () => Promise<number> }) => page.totalCount() };

export const resolvers: Resolvers = {
  DateTime,
  Query,
  Mutation,
  Subscription,
  Node,
  User,
  Post,
  DeletePostPayload,
  Message,
  Notification,
  UnreadMessagesNotification,
  NewFollowerNotification,
  TaskProgressNotification,
  Task,
  PostConnection: connection,
  UserConnection: connection,
  MessageConnection: connection,
  TaskConnection: connection,
};
