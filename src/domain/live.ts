import DataLoader from "dataloader";
import type { MessageRow, NotificationRow, PostRow, Repositories } from "../db/contract.ts";
import type { LiveEvent, LiveEvents } from "../events/events.ts";
import { DomainError } from "./errors.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

/** How many events a subscriber may have waiting before it is dropped as too slow. */
export const MAX_WAITING_EVENTS = 1_000;

/** A subscriber that could not keep up: its subscription ends with this, and it catches up from rows. */
export class FellBehind extends DomainError {
  readonly kind = "fell-behind";
  constructor() {
    super("The subscription fell too far behind and was ended; subscribe again and catch up with a query.");
  }
}

/**
 * One subscriber's events, as an async iterator (what graphql-js's subscribe expects): pushed by the
 * hub, pulled by the transport. Ending it (`return`) takes it out of the hub's indexes.
 */
class Subscriber<Row> implements AsyncIterableIterator<Row> {
  readonly #waiting: Row[] = [];
  #wake: ((result: IteratorResult<Row>) => void) | undefined;
  #ended = false;
  #failure: Error | undefined;
  readonly #leave: () => void;

  constructor(leave: () => void) {
    this.#leave = leave;
  }

  push(row: Row): void {
    if (this.#ended) return;
    if (this.#wake) {
      const wake = this.#wake;
      this.#wake = undefined;
      wake({ value: row, done: false });
    } else if (this.#waiting.length < MAX_WAITING_EVENTS) {
      this.#waiting.push(row);
    } else {
      this.#failure = new FellBehind();
      this.#end();
    }
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#leave();
    this.#wake?.({ value: undefined, done: true });
    this.#wake = undefined;
  }

  async next(): Promise<IteratorResult<Row>> {
    if (this.#waiting.length > 0) return { value: this.#waiting.shift()!, done: false };
    if (this.#failure) {
      const failure = this.#failure;
      this.#failure = undefined;
      throw failure;
    }
    if (this.#ended) return { value: undefined, done: true };
    return new Promise((resolve) => (this.#wake = resolve));
  }

  async return(): Promise<IteratorResult<Row>> {
    this.#waiting.length = 0;
    this.#end();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** Sets of subscribers by what they wait for (a user id): an event costs work only for those who wait for it. */
class Index<Value> {
  readonly #sets = new Map<number, Set<Value>>();

  add(key: number, value: Value): void {
    let set = this.#sets.get(key);
    if (!set) this.#sets.set(key, (set = new Set()));
    set.add(value);
  }

  delete(key: number, value: Value): void {
    const set = this.#sets.get(key);
    if (set?.delete(value) && set.size === 0) this.#sets.delete(key);
  }

  get(key: number): ReadonlySet<Value> | undefined {
    return this.#sets.get(key);
  }

  /** How many keys have subscribers. */
  get size(): number {
    return this.#sets.size;
  }
}

/** A live home feed: its user, whom they follow (kept up to date by follow events), and its subscriber. */
interface Feed {
  userId: number;
  following: Set<number>;
  subscriber: Subscriber<PostRow>;
  /**
   * While the follow list is being read: the follow events, and (before the feed is first live) the
   * posts of others, heard meanwhile; applied in order once it is read.
   */
  pending?: LiveEvent[];
  /** The read of the follow list under way, if any: reads of one feed never overlap. */
  reading: Promise<void>;
  /** Whether the follow list has been read once. */
  live: boolean;
  ended: boolean;
}

export interface LiveDeps {
  repos: Repositories;
  events: LiveEvents;
  log: { error(details: object, message: string): void };
}

/**
 * This instance's live subscribers, indexed by what they wait for: messages and notifications by
 * their user, feeds by every author whose posts they show. Each event reads its row once (one
 * statement per tick, for every event of that kind and every subscriber on the instance), and hands
 * the same row to each subscriber that waits for it.
 */
export function createLiveService({ repos, events, log }: LiveDeps) {
  const messagesTo = new Index<Subscriber<MessageRow>>();
  const notificationsTo = new Index<Subscriber<NotificationRow>>();
  const feedsOf = new Index<Feed>();
  const feedsByAuthor = new Index<Feed>();
  const rows = {
    post: new DataLoader<number, PostRow | undefined>(async (ids) => byId(ids, await repos.posts.byIds(ids)), { cache: false }),
    message: new DataLoader<number, MessageRow | undefined>(async (ids) => byId(ids, await repos.messages.byIds(ids)), { cache: false }),
    notification: new DataLoader<number, NotificationRow | undefined>(async (ids) => byId(ids, await repos.notifications.byIds(ids)), {
      cache: false,
    }),
  };

  /**
   * Events are handed out in the order they were heard: each waits for the one before (their rows
   * are read at once, in batches, whatever order the reads end in).
   */
  let handedOut: Promise<void> = Promise.resolve();

  /** Reads the event's row (once, however many wait for it) and hands it to each of them still waiting. */
  function deliver<Row>(waiting: ReadonlySet<Subscriber<Row>> | undefined, load: () => Promise<Row | undefined>): void {
    if (!waiting || waiting.size === 0) return;
    const row = load();
    handedOut = handedOut.then(() =>
      row.then(
        (found) => {
          // Gone already (a deleted post): nothing to show.
          if (found) for (const subscriber of waiting) subscriber.push(found);
        },
        (error: unknown) => log.error({ err: error }, "could not read the row of a live event"),
      ),
    );
  }

  function follow(feed: Feed, event: LiveEvent & { type: "follow" | "unfollow" }): void {
    if (event.type === "follow") {
      feed.following.add(event.followedId);
      feedsByAuthor.add(event.followedId, feed);
    } else {
      feed.following.delete(event.followedId);
      feedsByAuthor.delete(event.followedId, feed);
    }
  }

  /**
   * (Re)reads whom the feed's user follows, then applies what was heard meanwhile on top: follow
   * events, and, the first time, the posts of the authors it turns out to follow. Reads of one feed
   * run one after another; a feed ended meanwhile is left alone.
   */
  function readFollowing(feed: Feed): Promise<void> {
    const read = feed.reading.then(async () => {
      if (feed.ended) return;
      feed.pending ??= [];
      try {
        const followed = await repos.follows.followedBy(feed.userId);
        if (feed.ended) return;
        for (const authorId of feed.following) feedsByAuthor.delete(authorId, feed);
        feed.following = new Set(followed);
        for (const authorId of feed.following) feedsByAuthor.add(authorId, feed);
        for (const event of feed.pending) {
          if (event.type === "follow" || event.type === "unfollow") follow(feed, event);
          else if (event.type === "post" && feed.following.has(event.authorId)) deliver(new Set([feed.subscriber]), () => rows.post.load(event.id));
        }
      } finally {
        feed.pending = undefined;
      }
    });
    // The next read waits for this one, whether it succeeded or not.
    feed.reading = read.catch(() => {});
    return read;
  }

  const allFeeds = new Set<Feed>();
  /** Feeds reading their follow list for the first time. */
  const starting = new Set<Feed>();
  const stopListening = events.listen({
    event(event) {
      switch (event.type) {
        case "post": {
          // The author's own feeds, and those of everyone following them.
          const feeds = [...(feedsOf.get(event.authorId) ?? []), ...(feedsByAuthor.get(event.authorId) ?? [])];
          deliver(new Set(feeds.map((feed) => feed.subscriber)), () => rows.post.load(event.id));
          // Feeds still reading whom they follow for the first time decide once they know.
          for (const feed of starting) if (feed.userId !== event.authorId) feed.pending?.push(event);
          return;
        }
        case "message":
          return deliver(messagesTo.get(event.recipientId), () => rows.message.load(event.id));
        case "notification":
          return deliver(notificationsTo.get(event.userId), () => rows.notification.load(event.id));
        case "follow":
        case "unfollow":
          for (const feed of feedsOf.get(event.followerId) ?? []) {
            if (feed.pending) feed.pending.push(event);
            else follow(feed, event);
          }
      }
    },
    async resync() {
      // Follow events may have been missed: every feed reads whom its user follows again. A read
      // that fails leaves that feed as it was; the others go on.
      const reads = await Promise.allSettled([...allFeeds].map((feed) => readFollowing(feed)));
      const failed = reads.filter((read) => read.status === "rejected");
      if (failed.length > 0) log.error({ err: failed[0]!.reason, feeds: failed.length }, "could not read follow lists again after a resync");
    },
  });

  return {
    /** Messages sent to the viewer, as they are sent. */
    messageReceived(viewer: Viewer | null): AsyncIterableIterator<MessageRow> {
      const { user } = requireViewer(viewer);
      const subscriber: Subscriber<MessageRow> = new Subscriber(() => messagesTo.delete(user.id, subscriber));
      messagesTo.add(user.id, subscriber);
      return subscriber;
    },

    /** The viewer's notifications, as they happen. */
    notificationAdded(viewer: Viewer | null): AsyncIterableIterator<NotificationRow> {
      const { user } = requireViewer(viewer);
      const subscriber: Subscriber<NotificationRow> = new Subscriber(() => notificationsTo.delete(user.id, subscriber));
      notificationsTo.add(user.id, subscriber);
      return subscriber;
    },

    /**
     * New posts of the viewer's home feed, as they are posted: their own, and those of everyone they
     * follow (from when the subscription starts; follows and unfollows apply at once).
     */
    async feedPostAdded(viewer: Viewer | null): Promise<AsyncIterableIterator<PostRow>> {
      const { user } = requireViewer(viewer);
      const feed: Feed = {
        userId: user.id,
        following: new Set(),
        pending: [],
        reading: Promise.resolve(),
        live: false,
        ended: false,
        subscriber: new Subscriber(() => {
          feed.ended = true;
          feedsOf.delete(user.id, feed);
          allFeeds.delete(feed);
          starting.delete(feed);
          for (const authorId of feed.following) feedsByAuthor.delete(authorId, feed);
        }),
      };
      feedsOf.add(user.id, feed);
      allFeeds.add(feed);
      starting.add(feed);
      try {
        await readFollowing(feed);
        feed.live = true;
      } catch (error) {
        await feed.subscriber.return();
        throw error;
      } finally {
        starting.delete(feed);
      }
      return feed.subscriber;
    },

    /**
     * On this instance: how many users have live message and notification subscribers, how many
     * feeds are live (their follow lists read), and how many authors those feeds wait for.
     */
    subscribers() {
      const feeds = [...allFeeds].filter((feed) => feed.live).length;
      return { messages: messagesTo.size, notifications: notificationsTo.size, feeds, authors: feedsByAuthor.size };
    },

    close(): void {
      stopListening();
    },
  };
}

function byId<Row extends { id: number }>(ids: readonly number[], found: Row[]): (Row | undefined)[] {
  const rows = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => rows.get(id));
}

export type LiveService = ReturnType<typeof createLiveService>;
