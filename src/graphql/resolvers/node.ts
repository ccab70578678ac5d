import type { DeletePostPayloadResolvers, NodeResolvers } from "../generated/resolvers-types.ts";

export const Node: NodeResolvers = {
  // A user has a username, a message a sender, a task progress, a post none of these: the rows tell
  // their types apart.
  __resolveType: (node) => ("username" in node ? "User" : "senderId" in node ? "Message" : "progress" in node ? "Task" : "Post"),
};

export const DeletePostPayload: DeletePostPayloadResolvers = {
  // Read after the deletion (the mutation's loaders start afresh): the count is the new one.
  author: async ({ authorId }, _, { loaders }) => {
    const author = await loaders.userById.load(authorId);
    if (!author) throw new Error(`the author ${authorId} of a deleted post is gone`);
    return author;
  },
};
