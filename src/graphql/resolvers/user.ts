import type { UserResolvers } from "../generated/resolvers-types.ts";

export const User: UserResolvers = {
  email: (user, _, { services, signedInAs }) => services.users.visibleEmail(signedInAs, user),
  avatar: (user, { size }, { services }) => services.users.avatarUrl(user, size),
  postCount: (user, _, { loaders }) => loaders.postCountByUserId.load(user.id),
  posts: (user, args, { services, loaders }) => services.posts.byAuthor(user.id, args, loaders),
};
