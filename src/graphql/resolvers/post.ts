import { globalId } from "../../domain/ids.ts";
import type { PostResolvers } from "../generated/resolvers-types.ts";

export const Post: PostResolvers = {
  id: (post) => globalId("Post", post.id),
  author: async (post, _, { loaders }) => {
    const author = await loaders.userById.load(post.userId);
    // The foreign key guarantees an author; a post without one is a broken database, not bad input.
    if (!author) throw new Error(`post ${post.id} has no author ${post.userId}`);
    return author;
  },
};
