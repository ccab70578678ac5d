import { postCursor, readPageArgs, toConnection } from "../../domain/pagination.ts";
import type { UserResolvers } from "../generated/resolvers-types.ts";

export const User: UserResolvers = {
  email: (user, _, { services, viewer }) => services.users.visibleEmail(viewer, user),
  avatar: (user, { size }, { services }) => services.users.avatarUrl(user, size),
  postCount: (user, _, { loaders }) => loaders.postCountByUserId.load(user.id),
  posts: async (user, args, { loaders }) => {
    const page = readPageArgs(args, postCursor);
    const rows = await loaders.postsPageByAuthor.load({ userId: user.id, request: page.request });
    return toConnection(rows, page, postCursor, () => loaders.postCountByUserId.load(user.id));
  },
};
