import type { PageRequest, PostKey, PostRow, Repositories } from "../db/repositories/types.ts";
import { Forbidden, InvalidInput, NotFound } from "./errors.ts";
import { parseId } from "./ids.ts";
import { cursorCodec, readPageArgs, toConnection, type Connection, type PageArgs } from "./pagination.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

const MAX_BODY_LENGTH = 140;
// Control characters other than tab and line breaks have no place in a post (and PostgreSQL
// refuses NUL outright).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Timestamps both engines store and ISO-8601 writes plainly: the years 1 to 9999. */
const TIMESTAMP_RANGE = { min: Date.parse("0001-01-01T00:00:00.000Z"), max: Date.parse("9999-12-31T23:59:59.999Z") };

/** Newest first: the timestamp in milliseconds, then the id. */
export const postCursor = cursorCodec<PostRow, PostKey>(
  "post",
  (post) => `${post.timestamp.getTime()}:${post.id}`,
  (parts) => {
    const match = /^(-?\d{1,15}):(\d{1,10})$/.exec(parts);
    const ms = Number(match?.[1]);
    const id = match ? parseId(match[2]!) : undefined;
    if (id === undefined || ms < TIMESTAMP_RANGE.min || ms > TIMESTAMP_RANGE.max) return undefined;
    return { timestamp: new Date(ms), id };
  },
);

/** One author's page of posts, as a batch loader is asked for it. */
export interface AuthorPageKey {
  userId: number;
  request: PageRequest<PostKey>;
}

/** The per-request batch loaders an author's posts are read through (see src/graphql/loaders.ts). */
export interface AuthorPostsLoaders {
  postsPageByAuthor: { load(key: AuthorPageKey): Promise<PostRow[]> };
  postCountByUserId: { load(userId: number): Promise<number> };
}

export function createPostsService(repos: Repositories) {
  return {
    async create(viewer: Viewer | null, body: string): Promise<PostRow> {
      const author = requireViewer(viewer).user;
      const trimmed = body.trim();
      const length = [...trimmed].length;
      if (length < 1 || length > MAX_BODY_LENGTH) {
        throw new InvalidInput("body", `A post must be 1 to ${MAX_BODY_LENGTH} characters.`);
      }
      if (CONTROL_CHARACTERS.test(trimmed)) {
        throw new InvalidInput("body", "A post cannot contain control characters.");
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

    /** One author's posts, newest first; batched with the other authors of the same response. */
    async byAuthor(userId: number, args: PageArgs, loaders: AuthorPostsLoaders): Promise<Connection<PostRow>> {
      const page = readPageArgs(args, postCursor);
      const rows = await loaders.postsPageByAuthor.load({ userId, request: page.request });
      return toConnection(rows, page, postCursor, () => loaders.postCountByUserId.load(userId));
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
