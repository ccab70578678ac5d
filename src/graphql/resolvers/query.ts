import type { QueryResolvers } from "../generated/resolvers-types.ts";

export const Query: QueryResolvers = {
  me: (_, __, { viewer }) => viewer?.user ?? null,
  user: (_, { username }, { services }) => services.users.byUsername(username),
  users: (_, args, { services }) => services.users.page(args),
  post: (_, { id }, { services }) => services.posts.byId(id),
  posts: (_, args, { services }) => services.posts.explore(args),
  feed: (_, args, { services, viewer }) => services.posts.feed(viewer, args),
};
