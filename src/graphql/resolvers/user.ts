import type { UserResolvers } from "../generated/resolvers-types.ts";

export const User: UserResolvers = {
  email: (user, _, { services, signedInAs }) => services.users.visibleEmail(signedInAs, user),
  avatar: (user, { size }, { services }) => services.users.avatarUrl(user, size),
  isViewer: (user, _, { viewer }) => viewer?.user.id === user.id,
  viewerIsFollowing: (user, _, { services, loaders }) => services.follows.isFollowedByViewer(user, loaders),
  postCount: (user, _, { loaders }) => loaders.postCountByUserId.load(user.id),
  followerCount: (user, _, { loaders }) => loaders.followCount.followers.load(user.id),
  followingCount: (user, _, { loaders }) => loaders.followCount.following.load(user.id),
  posts: (user, args, { services, loaders }) => services.posts.byAuthor(user.id, args, loaders),
  followers: (user, args, { services, loaders }) => services.follows.list("followers", user.id, args, loaders),
  following: (user, args, { services, loaders }) => services.follows.list("following", user.id, args, loaders),
};
