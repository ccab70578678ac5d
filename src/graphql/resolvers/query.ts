import type { QueryResolvers } from "../generated/resolvers-types.ts";

export const Query: QueryResolvers = {
  me: (_, __, { viewer }) => viewer?.user ?? null,
  user: (_, { username }, { services }) => services.users.byUsername(username),
  users: (_, args, { services, loaders }) => services.users.page(args, loaders),
  node: (_, { id }, { services, loaders }) => services.nodes.node(id, loaders.nodeById),
  nodes: (_, { ids }, { services, loaders }) => services.nodes.nodes(ids, loaders.nodeById),
  post: (_, { id }, { services }) => services.posts.byId(id),
  posts: (_, args, { services, loaders }) => services.posts.explore(args, loaders),
  feed: (_, args, { services, viewer, loaders }) => services.posts.feed(viewer, args, loaders),
  searchPosts: (_, args, { services, loaders }) => services.search.posts(args, loaders),
  searchUsers: (_, args, { services }) => services.search.users(args),
  messages: (_, args, { services, viewer, loaders }) => services.messages.received(viewer, args, loaders),
  conversation: (_, { with: other, ...args }, { services, viewer, loaders }) => services.messages.conversation(viewer, other, args, loaders),
  notifications: (_, args, { services, viewer }) => services.notifications.after(viewer, args),
};
