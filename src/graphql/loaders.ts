import DataLoader from "dataloader";
import type {
  FollowDirection,
  NewestFirstKey,
  PageRequest,
  Repositories,
} from "../db/contract.ts";
import type { UserPageKey } from "../domain/pagination.ts";
import type { Viewer } from "../domain/viewer.ts";

/** Same page shape, one group: owners asked for the same page are served by one statement. */
function pageShape({ limit, after }: PageRequest<NewestFirstKey>): string {
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
 * Pages of a per-user list (an author's posts, a user's followers): every user asked for the same
 * page in one tick of the response is served by one statement.
 */
function pagesLoader<Row>(
  fetchPages: (userIds: number[], request: PageRequest<NewestFirstKey>) => Promise<Row[]>,
  ownerOf: (row: Row) => number,
) {
  const cacheKey = (key: UserPageKey) => `${key.userId}|${pageShape(key.request)}`;
  return new DataLoader<UserPageKey, Row[], string>(
    async (keys) => {
      const pages = new Map<string, Row[]>();
      for (const [shape, group] of groupBy(keys, (key) => pageShape(key.request))) {
        const rows = await fetchPages([...new Set(group.map((key) => key.userId))], group[0]!.request);
        for (const [userId, page] of groupBy(rows, (row) => String(ownerOf(row)))) pages.set(`${userId}|${shape}`, page);
      }
      return keys.map((key) => pages.get(cacheKey(key)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

interface PageRead {
  /** The list and where its page starts: pages asked for from one place differ only in length. */
  place: string;
  limit: number;
  read: (limit: number) => Promise<unknown[]>;
}

/** Pages from one place asked for in one tick: one read of the longest; the others are its first rows. */
function prefixPages() {
  return new DataLoader<PageRead, unknown[], string>(
    async (reads) => {
      const longest = new Map<string, PageRead>();
      for (const read of reads) if (read.limit > (longest.get(read.place)?.limit ?? -1)) longest.set(read.place, read);
      const rows = new Map([...longest].map(([place, read]) => [place, read.read(read.limit)]));
      return Promise.all(reads.map(async ({ place, limit }) => (await rows.get(place)!).slice(0, limit)));
    },
    { cacheKeyFn: ({ place, limit }) => `${place}|${limit}` },
  );
}

/** Rows by id, however many are asked for in one tick: one statement. */
function byId<Row extends { id: number }>(read: (ids: readonly number[]) => Promise<Row[]>) {
  return new DataLoader<number, Row | undefined>(async (ids) => {
    const rows = new Map((await read(ids)).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id));
  });
}

/**
 * Loaders made on first use (most requests use one or two of the dozen a request may need), and
 * remembered, so that they can all start afresh at once.
 */
function lazyLoaders() {
  const made: { clearAll(): unknown }[] = [];
  return {
    lazy<Loader extends { clearAll(): unknown }>(make: () => Loader): () => Loader {
      let loader: Loader | undefined;
      return () => {
        if (!loader) made.push((loader = make()));
        return loader;
      };
    },
    clearAll(): void {
      for (const loader of made) loader.clearAll();
    },
  };
}

/**
 * The loaders whose answers do not depend on who asks (rows by id, and lists that are the same for
 * everyone). A request has its own; a live event's executions on an instance share one set, so
 * that the event's author (say) is read once for all of them.
 */
export function createSharedLoaders(repos: Repositories) {
  const { lazy, clearAll } = lazyLoaders();
  const followList = (direction: FollowDirection) =>
    lazy(() => pagesLoader((userIds, request) => repos.follows.list(direction, userIds, request), (row) => row.ownerId));
  // Authors, senders, nodes: what a card shows; the rest of a user's row only when a field asks for it.
  const userById = lazy(() => byId((ids) => repos.users.summariesByIds(ids)));
  const wholeUserById = lazy(() => byId((ids) => repos.users.byIds(ids)));
  const postById = lazy(() => byId((ids) => repos.posts.byIds(ids)));
  const taskById = lazy(() => byId((ids) => repos.tasks.byIds(ids)));
  const postsByAuthor = lazy(() => pagesLoader((userIds, request) => repos.posts.byAuthors(userIds, request), (post) => post.userId));
  const followers = followList("followers");
  const following = followList("following");
  return {
    get userById() {
      return userById();
    },
    get wholeUserById() {
      return wholeUserById();
    },
    get postById() {
      return postById();
    },
    /** Any task: for a notification's, which reaches its owner alone. */
    get taskById() {
      return taskById();
    },
    get postsByAuthor() {
      return postsByAuthor();
    },
    followList: {
      get followers() {
        return followers();
      },
      get following() {
        return following();
      },
    },
    forgetAll: clearAll,
  };
}

export type SharedLoaders = ReturnType<typeof createSharedLoaders>;

/**
 * Per-request batching for relation fields: however many posts or users a response holds, each
 * relation costs one statement. New loaders for every request (or live event), so nothing is cached
 * across viewers; what depends on the viewer is never shared.
 */
export function createLoaders(repos: Repositories, viewer: Viewer | null, shared: SharedLoaders = createSharedLoaders(repos)) {
  const { lazy, clearAll } = lazyLoaders();
  // Whole lists and counts asked for more than once in one request (aliases) are read once. They
  // are the viewer's (their feed, their messages): never shared.
  let memos: Map<string, Promise<unknown>> | undefined;
  const pages = lazy(prefixPages);
  // Only the sender and the recipient of a message find it by id.
  const messageById = lazy(() => byId((ids) => (viewer ? repos.messages.byIdsFor(viewer.user.id, ids) : Promise.resolve([]))));
  // Only its owner finds a task by id.
  const ownTaskById = lazy(() => byId((ids) => (viewer ? repos.tasks.byIdsFor(viewer.user.id, ids) : Promise.resolve([]))));
  const followedByViewer = lazy(
    () =>
      new DataLoader<number, boolean>(async (userIds) => {
        const followed = await repos.follows.followedAmong(viewer!.user.id, userIds);
        return userIds.map((id) => followed.has(id));
      }),
  );
  return {
    get userById() {
      return shared.userById;
    },
    get wholeUserById() {
      return shared.wholeUserById;
    },
    get postById() {
      return shared.postById;
    },
    get taskById() {
      return shared.taskById;
    },
    get postsByAuthor() {
      return shared.postsByAuthor;
    },
    followList: shared.followList,
    get messageById() {
      return messageById();
    },
    /** Objects by global id's type (Query.node and nodes): each loader made when a node of its type is asked for. */
    nodeById: {
      get User() {
        return shared.userById;
      },
      get Post() {
        return shared.postById;
      },
      get Message() {
        return messageById();
      },
      get Task() {
        return ownTaskById();
      },
    },
    /** Null when no one is signed in. */
    get followedByViewer() {
      return viewer && followedByViewer();
    },
    /** The result of `work`, done once per request for each key. */
    memo<T>(key: string, work: () => Promise<T>): Promise<T> {
      memos ??= new Map();
      let result = memos.get(key) as Promise<T> | undefined;
      if (!result) memos.set(key, (result = work()));
      return result;
    },
    page<Row, Key>(list: string, request: PageRequest<Key>, read: (request: PageRequest<Key>) => Promise<Row[]>): Promise<Row[]> {
      const place = `${list}:${request.after === undefined ? "" : JSON.stringify(request.after)}`;
      return pages().load({ place, limit: request.limit, read: (limit) => read({ ...request, limit }) }) as Promise<Row[]>;
    },
    /** After a write, what the loaders hold may be stale: they start afresh. */
    forgetAll(): void {
      shared.forgetAll();
      clearAll();
      memos?.clear();
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
