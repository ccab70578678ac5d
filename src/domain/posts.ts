import type { PostRow, Repositories, UserSummaryRow } from "../db/contract.ts";
import { Forbidden, NotFound } from "./errors.ts";
import { globalId, rowIdOf } from "./ids.ts";
import { detectLanguage } from "./language.ts";
import {
  newestFirstCursor,
  readPageArgs,
  toConnection,
  type Connection,
  type PageArgs,
  type RequestMemo,
  type UserPageKey,
} from "./pagination.ts";
import { checkText } from "./text.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

const BODY = { field: "body", label: "A post", min: 1, max: 140, kind: "multiline" } as const;

/** Newest first: the timestamp, then the id. */
export const postCursor = newestFirstCursor<PostRow>("post", (post) => post);

/** What deleting a post changed, for a client's cache: the post gone, its author's count. */
export interface DeletedPost {
  deletedPostId: string;
  authorId: number;
}

/** The per-request batch loaders an author's posts are read through (see src/graphql/loaders.ts). */
export interface PostsByAuthorLoaders {
  postsByAuthor: { load(key: UserPageKey): Promise<PostRow[]> };
}

export function createPostsService(repos: Repositories) {
  return {
    async create(viewer: Viewer | null, body: string): Promise<PostRow> {
      const author = requireViewer(viewer).user;
      const text = checkText(body, BODY);
      return repos.posts.create({ userId: author.id, body: text, language: detectLanguage(text) });
    },

    /** Only the author may delete a post. */
    async delete(viewer: Viewer | null, id: string): Promise<DeletedPost> {
      const { user } = requireViewer(viewer);
      const postId = rowIdOf(id, "Post");
      const post = postId === undefined ? undefined : await repos.posts.byId(postId);
      if (!post) throw new NotFound("There is no such post.");
      if (post.userId !== user.id) throw new Forbidden("You can only delete your own posts.");
      await repos.posts.delete(post.id);
      return { deletedPostId: globalId("Post", post.id), authorId: post.userId };
    },

    /** Null when there is no such post, or the id is not a post's. */
    async byId(id: string): Promise<PostRow | null> {
      const postId = rowIdOf(id, "Post");
      return (postId === undefined ? undefined : await repos.posts.byId(postId)) ?? null;
    },

    /** One author's posts, newest first; batched with the other authors of the same response. */
    async byAuthor(author: UserSummaryRow, args: PageArgs, loaders: PostsByAuthorLoaders): Promise<Connection<PostRow>> {
      const page = readPageArgs(args, postCursor);
      const rows = await loaders.postsByAuthor.load({ userId: author.id, request: page.request });
      return toConnection(rows, page, postCursor, async () => author.postCount);
    },

    /** The viewer's home feed: their own posts and those of everyone they follow, newest first. */
    async feed(viewer: Viewer | null, args: PageArgs, request: RequestMemo): Promise<Connection<PostRow>> {
      const { user } = requireViewer(viewer);
      const page = readPageArgs(args, postCursor);
      const rows = await request.page("feed", page.request, (read) => repos.posts.feed(user.id, read));
      return toConnection(rows, page, postCursor, () => request.memo("feed:count", () => repos.posts.feedCount(user.id)));
    },

    /** Everyone's posts, newest first. */
    async explore(args: PageArgs, request: RequestMemo): Promise<Connection<PostRow>> {
      const page = readPageArgs(args, postCursor);
      const rows = await request.page("posts", page.request, (read) => repos.posts.page(read));
      return toConnection(rows, page, postCursor, () => request.memo("posts:count", () => repos.posts.count()));
    },
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
