import type { UserRow } from "../../db/contract.ts";
import { globalId } from "../../domain/ids.ts";
import type { Context } from "../context.ts";
import type { UserResolvers } from "../generated/resolvers-types.ts";
import type { UserModel } from "../mappers.ts";

/**
 * The user's whole row: the one the resolver was given, or, for a summary (an author, a page of
 * users), the row read by id, all of a response's in one statement.
 */
async function whole(user: UserModel, { loaders }: Context): Promise<UserRow> {
  if ("aboutMe" in user) return user;
  const row = await loaders.wholeUserById.load(user.id);
  if (!row) throw new Error(`no user ${user.id}`);
  return row;
}

export const User: UserResolvers = {
  id: (user) => globalId("User", user.id),
  email: async (user, _, context) =>
    context.services.users.mayShowEmail(context.signedInAs, user.id) ? context.services.users.visibleEmail(context.signedInAs, await whole(user, context)) : null,
  aboutMe: async (user, _, context) => (await whole(user, context)).aboutMe,
  lastSeen: async (user, _, context) => (await whole(user, context)).lastSeen,
  // Stored with the user; only a row an older release wrote, not backfilled yet, needs its email.
  avatar: (user, { size }, context) =>
    user.avatarHash !== null
      ? context.services.users.avatarUrl(user.avatarHash, size)
      : whole(user, context).then((row) => context.services.users.avatarUrl(context.services.users.avatarKey(row), size)),
  isViewer: (user, _, { viewer }) => viewer?.user.id === user.id,
  viewerIsFollowing: (user, _, { services, loaders }) => services.follows.isFollowedByViewer(user, loaders),
  posts: (user, args, { services, loaders }) => services.posts.byAuthor(user, args, loaders),
  followers: (user, args, { services, loaders }) => services.follows.list("followers", user, args, loaders),
  following: (user, args, { services, loaders }) => services.follows.list("following", user, args, loaders),
  unreadMessageCount: async (user, _, context) =>
    context.viewer?.user.id === user.id ? context.services.messages.unreadCount(context.viewer, await whole(user, context)) : null,
  tasks: (user, args, { services, viewer, loaders }) => services.tasks.list(viewer, user, args, loaders),
};
