import type postgres from "postgres";
import type { LiveEvent, LiveEventListener, LiveEvents } from "./events.ts";

/** The channel the live_events migration's triggers NOTIFY on. */
export const EVENTS_CHANNEL = "microblog_events";

/** At most this many rows are re-read after the listener was away; older ones are the clients' to catch up on. */
const MAX_REPLAYED = 10_000;

export interface ListenerHandlers {
  onnotify(channel: string, payload: string): void;
  onclose(): void;
}

type Replayed = "post" | "message" | "notification";

/** A NOTIFY payload as the triggers write it: ["post", id, author], ["follow", follower, followed], … */
export function parseEvent(payload: string): LiveEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.slice(1).every(Number.isInteger)) return undefined;
  const [type, a, b] = parsed as [unknown, number, number];
  switch (type) {
    case "post":
      return { type, id: a, authorId: b };
    case "message":
      return { type, id: a, recipientId: b };
    case "notification":
      return { type, id: a, userId: b };
    case "follow":
    case "unfollow":
      return { type, followerId: a, followedId: b };
    default:
      return undefined;
  }
}

/**
 * Every instance's events, heard with LISTEN on a connection of this instance's own (opened when
 * the first listener comes). When that connection is lost, it is opened again, with backoff, for as
 * long as it takes; the listeners are then told to resync, and the posts, messages and notifications
 * committed meanwhile are read back from their tables and handed out as the events they were.
 */
export function postgresEvents(open: (handlers: ListenerHandlers) => postgres.Sql, reconnectMaxDelayMs = 1_000): LiveEvents {
  const listeners = new Set<LiveEventListener>();
  let client: postgres.Sql | undefined;
  let connected = false;
  let closed = false;
  /** The highest id heard of each table: what is above it was missed while away. */
  let marks: Record<Replayed, number> | undefined;
  /** Ids heard live while catching up, which the replay must not hand out again. */
  let heardWhileCatchingUp: Set<string> | undefined;

  function emit(event: LiveEvent): void {
    if (event.type === "post" || event.type === "message" || event.type === "notification") {
      if (marks) marks[event.type] = Math.max(marks[event.type], event.id);
      heardWhileCatchingUp?.add(`${event.type}:${event.id}`);
    }
    for (const listener of listeners) listener.event(event);
  }

  async function catchUp(sql: postgres.Sql): Promise<void> {
    if (!marks) {
      // The first time: nothing was missed, everything from here on is heard.
      const [now] = await sql<Record<Replayed, number>[]>`
        select (select coalesce(max(id), 0) from posts)::int as post,
               (select coalesce(max(id), 0) from messages)::int as message,
               (select coalesce(max(id), 0) from notifications)::int as notification`;
      marks ??= now!;
      return;
    }
    heardWhileCatchingUp = new Set();
    try {
      await Promise.all([...listeners].map((listener) => listener.resync()));
      const missed = await sql<{ type: Replayed; id: number; key: number }[]>`
        (select 'post' as type, id, user_id as key from posts where id > ${marks.post} order by id limit ${MAX_REPLAYED})
        union all
        (select 'message', id, recipient_id from messages where id > ${marks.message} order by id limit ${MAX_REPLAYED})
        union all
        (select 'notification', id, user_id from notifications where id > ${marks.notification} order by id limit ${MAX_REPLAYED})`;
      for (const { type, id, key } of missed) {
        if (heardWhileCatchingUp.has(`${type}:${id}`)) continue;
        emit(type === "post" ? { type, id, authorId: key } : type === "message" ? { type, id, recipientId: key } : { type, id, userId: key });
      }
    } finally {
      heardWhileCatchingUp = undefined;
    }
  }

  /** LISTENs (again), with backoff until the database answers, then catches up. */
  async function keepListening(): Promise<void> {
    for (let attempt = 0; !closed; attempt += 1) {
      try {
        await client!`listen ${client!(EVENTS_CHANNEL)}`;
        connected = true;
        await catchUp(client!);
        return;
      } catch {
        if (connected) return; // lost again while catching up: onclose has started over
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, reconnectMaxDelayMs)));
      }
    }
  }

  function start(): void {
    client = open({
      onnotify(channel, payload) {
        if (channel !== EVENTS_CHANNEL) return;
        const event = parseEvent(payload);
        if (event) emit(event);
      },
      onclose() {
        if (!connected || closed) return;
        connected = false;
        void keepListening();
      },
    });
    void keepListening();
  }

  return {
    listen(listener) {
      listeners.add(listener);
      if (!client && !closed) start();
      return () => void listeners.delete(listener);
    },
    isConnected: () => connected,
    async close() {
      closed = true;
      connected = false;
      listeners.clear();
      await client?.end({ timeout: 1 });
    },
  };
}
