import type { PostRow, Repositories } from "../db/repositories/types.ts";
import { Forbidden, InvalidInput, NotFound } from "./errors.ts";
import { parseId } from "./ids.ts";
import { postCursor, readPageArgs, toConnection, type Connection, type PageArgs } from "./pagination.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

const MAX_BODY_LENGTH = 140;

export function createPostsService(repos: Repositories) {
  return {
    async create(viewer: Viewer | null, body: string): Promise<PostRow> {
      const author = requireViewer(viewer).user;
      const trimmed = body.trim();
      const length = [...trimmed].length;
      if (length < 1 || length > MAX_BODY_LENGTH) {
        throw new InvalidInput("body", `A post must be 1 to ${MAX_BODY_LENGTH} characters.`);
      }
      return repos.posts.create({ userId: author.id, body: trimmed });
    },

    /** Only the author may delete a post. */
    async delete(viewer: Viewer | null, id: string): Promise<boolean> {
      const { user } = requireViewer(viewer);
      const postId = parseId(id);
      const post = postId === undefined ? undefined : await repos.posts.byId(postId);
      if (!post) throw new NotFound("There is no such post.");
      if (post.userId !== user.id) throw new Forbidden("You can only delete your own posts.");
      await repos.posts.delete(post.id);
      return true;
    },

    async byId(id: string): Promise<PostRow | null> {
      const postId = parseId(id);
      return (postId === undefined ? undefined : await repos.posts.byId(postId)) ?? null;
    },

    /** Everyone's posts, newest first. */
    async explore(args: PageArgs): Promise<Connection<PostRow>> {
      const page = readPageArgs(args, postCursor);
      const rows = await repos.posts.page(page.request);
      return toConnection(rows, page, postCursor, () => repos.posts.count());
    },
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
