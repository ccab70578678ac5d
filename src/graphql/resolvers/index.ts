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

// Connection.totalCount needs no resolver: graphql-js calls a function-valued property, so the
// count runs only when a client selects it.
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
};
