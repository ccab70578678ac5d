import type { MessageRow, NotificationRow, PostRow } from "../../db/contract.ts";
import type { Context } from "../context.ts";
import type { SubscriptionResolvers } from "../generated/resolvers-types.ts";
import { createLoaders, createSharedLoaders, type SharedLoaders } from "../loaders.ts";

/**
 * The loaders each live event is resolved with: fresh for every event (nothing stale from the last),
 * and those that do not depend on the viewer shared by every subscriber the event reaches on this
 * instance (the hub hands each of them the same row object), so that its author is read once.
 */
const sharedByEvent = new WeakMap<object, SharedLoaders>();

function eventRow<Row extends object>(row: Row, context: Context): Row {
  let shared = sharedByEvent.get(row);
  if (!shared) sharedByEvent.set(row, (shared = createSharedLoaders(context.repos)));
  // A subscription's events are executed one after another: the root field sets what its fields use.
  context.loaders = createLoaders(context.repos, context.viewer, shared);
  return row;
}

export const Subscription: SubscriptionResolvers = {
  messageReceived: {
    subscribe: (_, __, { services, viewer }) => services.live.messageReceived(viewer),
    resolve: (row: MessageRow, _: unknown, context: Context) => eventRow(row, context),
  },
  notificationAdded: {
    subscribe: (_, __, { services, viewer }) => services.live.notificationAdded(viewer),
    resolve: (row: NotificationRow, _: unknown, context: Context) => eventRow(row, context),
  },
  feedPostAdded: {
    subscribe: (_, __, { services, viewer }) => services.live.feedPostAdded(viewer),
    resolve: (row: PostRow, _: unknown, context: Context) => eventRow(row, context),
  },
};
