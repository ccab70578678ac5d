import type { MutationResolvers } from "../generated/resolvers-types.ts";

export const Mutation: MutationResolvers = {
  register: (_, { input }, { services }) => services.auth.register(input),
  login: (_, { username, password }, { services }) => services.auth.login(username, password),
  logout: (_, __, { services, viewer }) => services.auth.logout(viewer),
  createPost: (_, { body }, { services, viewer }) => services.posts.create(viewer, body),
  deletePost: (_, { id }, { services, viewer }) => services.posts.delete(viewer, id),
};
