import type { AuthPayload } from "../../domain/auth.ts";
import type { Context } from "../context.ts";
import type { MutationResolvers } from "../generated/resolvers-types.ts";

/** From here on this request may see the signed-in user as themself (their email in the payload). */
function signIn(context: Context, payload: AuthPayload): AuthPayload {
  context.signedInAs.add(payload.user.id);
  return payload;
}

export const Mutation: MutationResolvers = {
  register: async (_, { input }, context) => signIn(context, await context.services.auth.register(input)),
  login: async (_, { username, password }, context) => signIn(context, await context.services.auth.login(username, password)),
  logout: (_, __, { services, viewer }) => services.auth.logout(viewer),
  createPost: (_, { body }, { services, viewer }) => services.posts.create(viewer, body),
  deletePost: (_, { id }, { services, viewer }) => services.posts.delete(viewer, id),
};
