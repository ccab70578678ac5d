import type { AuthPayload } from "../../domain/auth.ts";
import type { Context } from "../context.ts";
import type { MutationResolvers } from "../generated/resolvers-types.ts";

/**
 * What a mutation returns is resolved after it wrote: the request's loaders start afresh, so no
 * count or list loaded earlier in the operation is served stale.
 */
function written<Result>(context: Context, result: Result): Result {
  context.loaders.forgetAll();
  return result;
}

/** From here on this request may see the signed-in user as themself (their email in the payload). */
function signIn(context: Context, payload: AuthPayload): AuthPayload {
  context.signedInAs.add(payload.user.id);
  return written(context, payload);
}

export const Mutation: MutationResolvers = {
  register: async (_, { input }, context) => signIn(context, await context.services.auth.register(context.client, input)),
  login: async (_, { username, password }, context) =>
    signIn(context, await context.services.auth.login(context.client, username, password)),
  logout: (_, __, { services, viewer }) => services.auth.logout(viewer),
  createPost: async (_, { body }, context) => written(context, await context.services.posts.create(context.viewer, body)),
  deletePost: async (_, { id }, context) => written(context, await context.services.posts.delete(context.viewer, id)),
  updateProfile: async (_, { input }, context) =>
    written(context, await context.services.users.updateProfile(context.viewer, input)),
  follow: async (_, { username }, context) => written(context, await context.services.follows.follow(context.viewer, username)),
  unfollow: async (_, { username }, context) =>
    written(context, await context.services.follows.unfollow(context.viewer, username)),
  changePassword: (_, { currentPassword, newPassword }, { services, viewer, client }) =>
    services.auth.changePassword(viewer, client, currentPassword, newPassword),
  sendMessage: async (_, { to, body }, context) => written(context, await context.services.messages.send(context.viewer, to, body)),
  markMessagesRead: async (_, __, context) => written(context, await context.services.messages.markRead(context.viewer)),
  exportPosts: async (_, __, context) => written(context, await context.services.tasks.exportPosts(context.viewer)),
  requestPasswordReset: (_, { email }, { services, client }) => services.passwordReset.request(client, email),
  resetPassword: (_, { token, newPassword }, { services, client }) => services.passwordReset.reset(client, token, newPassword),
};
