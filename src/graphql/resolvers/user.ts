import { globalId } from "../../domain/ids.ts";
import type { UserResolvers } from "../generated/resolvers-types.ts";

export const User: UserResolvers = {
  id: (user) => globalId("User", user.id),
  email: (user, _, { services, signedInAs }) => services.users.visibleEmail(signedInAs, user),
  avatar: (user, { size }, { services }) => services.users.avatarUrl(user, size),
  isViewer: (user, _, { viewer }) => viewer?.user.id === user.id,
  viewerIsFollowing: (user, _, { services, loaders }) => services.follows.isFollowedByViewer(user, loaders),
  posts: (user, args, { services, loaders }) => services.posts.byAuthor(user, args, loaders),
  followers: (user, args, { services, loaders }) => services.follows.list("followers", user, args, loaders),
  following: (user, args, { services, loaders }) => services.follows.list("following", user, args, loaders),
  unreadMessageCount: (user, _, { services, viewer }) => services.messages.unreadCount(viewer, user),
  tasks: (user, args, { services, viewer, loaders }) => services.tasks.list(viewer, user, args, loaders),
};
