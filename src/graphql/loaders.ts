import DataLoader from "dataloader";
import type { PageRequest, PostKey, PostRow, Repositories, UserRow } from "../db/repositories/types.ts";
import type { AuthorPageKey } from "../domain/posts.ts";

/** Same page shape, one group: authors asked for the same page are served by one statement. */
function pageShape({ limit, after }: PageRequest<PostKey>): string {
  return after ? `${limit}:${after.timestamp.getTime()}:${after.id}` : `${limit}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Per-request batching for relation fields: however many posts or users a response holds, each
 * relation costs one statement. New loaders for every request, so nothing is cached across viewers.
 */
export function createLoaders(repos: Repositories) {
  return {
    userById: new DataLoader<number, UserRow | undefined>(async (ids) => {
      const users = new Map((await repos.users.byIds(ids)).map((user) => [user.id, user]));
      return ids.map((id) => users.get(id));
    }),

    postCountByUserId: new DataLoader<number, number>(async (userIds) => {
      const counts = await repos.posts.countByUser(userIds);
      return userIds.map((id) => counts.get(id) ?? 0);
    }),

    postsPageByAuthor: new DataLoader<AuthorPageKey, PostRow[], string>(
      async (keys) => {
        const pages = new Map<string, PostRow[]>();
        for (const [shape, group] of groupBy(keys, (key) => pageShape(key.request))) {
          const userIds = [...new Set(group.map((key) => key.userId))];
          const rows = await repos.posts.pagesByUser(userIds, group[0]!.request);
          for (const [userId, posts] of groupBy(rows, (post) => String(post.userId))) {
            pages.set(`${userId}|${shape}`, posts);
          }
        }
        return keys.map((key) => pages.get(`${key.userId}|${pageShape(key.request)}`) ?? []);
      },
      { cacheKeyFn: (key) => `${key.userId}|${pageShape(key.request)}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
