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

/** How often the listening connection is asked to answer, and how long it has to: a silent network drop is noticed. */
const HEARTBEAT = { everyMs: 10_000, withinMs: 5_000 };

/**
 * Every instance's events, heard with LISTEN on a connection of this instance's own (opened when
 * the first listener comes). When that connection is lost (or stops answering), a new one is
 * opened, with backoff, for as long as it takes; the listeners are then told to resync, and the
 * posts, messages and notifications committed meanwhile are read back from their tables and handed
 * out as the events they were.
 */
export function postgresEvents(open: (handlers: ListenerHandlers) => postgres.Sql, reconnectMaxDelayMs = 1_000): LiveEvents {
  const listeners = new Set<LiveEventListener>();
  let closed = false;
  /** Listening and caught up. */
  let connected = false;
  let whenConnected: (() => void)[] = [];
  /** Each (re)connection is a generation of its own: an older one's connection, loop and heartbeat stand down. */
  let generation = 0;
  let client: postgres.Sql | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  /** The highest id heard of each table. */
  let marks: Record<Replayed, number> | undefined;
  /** The marks when the connection was lost: what is above them was missed (until it is replayed). */
  let missedAbove: Record<Replayed, number> | undefined;
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
      // The first time: nothing was missed, everything from here on is heard. The marks are the ids
      // handed out so far, read from the sequences: no lock on the tables can hold this up.
      const [now] = await sql<Record<Replayed, number>[]>`
        select (select last_value from posts_id_seq)::int as post,
               (select last_value from messages_id_seq)::int as message,
               (select last_value from notifications_id_seq)::int as notification`;
      marks ??= now!;
      return;
    }
    if (!missedAbove) return;
    const from = missedAbove;
    await Promise.all([...listeners].map((listener) => listener.resync()));
    const missed = await sql<{ type: Replayed; id: number; key: number }[]>`
      (select 'post' as type, id, user_id as key from posts where id > ${from.post} order by id limit ${MAX_REPLAYED})
      union all
      (select 'message', id, recipient_id from messages where id > ${from.message} order by id limit ${MAX_REPLAYED})
      union all
      (select 'notification', id, user_id from notifications where id > ${from.notification} order by id limit ${MAX_REPLAYED})`;
    for (const { type, id, key } of missed) {
      if (heardWhileCatchingUp?.has(`${type}:${id}`)) continue;
      emit(type === "post" ? { type, id, authorId: key } : type === "message" ? { type, id, recipientId: key } : { type, id, userId: key });
    }
    missedAbove = undefined;
  }

  /** Gives up this generation's connection (lost, or not answering) and starts the next. */
  function lost(mine: number): void {
    if (mine !== generation || closed) return;
    connected = false;
    if (marks) missedAbove ??= { ...marks };
    void listen();
  }

  /** A connection of its own that LISTENs, with backoff until the database answers, then catches up. */
  async function listen(): Promise<void> {
    const mine = ++generation;
    clearInterval(heartbeat);
    const previous = client;
    void previous?.end({ timeout: 0 }).catch(() => {});
    for (let attempt = 0; !closed && mine === generation; attempt += 1) {
      // Until it is listening and caught up, this loop retries by itself; after, a lost connection starts the next generation.
      let established = false;
      const sql = open({
        onnotify(channel, payload) {
          if (mine !== generation || channel !== EVENTS_CHANNEL) return;
          const event = parseEvent(payload);
          if (event) emit(event);
        },
        onclose: () => {
          if (established) lost(mine);
        },
      });
      client = sql;
      try {
        heardWhileCatchingUp = new Set();
        await sql`listen ${sql(EVENTS_CHANNEL)}`;
        if (mine !== generation) return;
        await catchUp(sql);
        if (mine !== generation) return;
        heardWhileCatchingUp = undefined;
        established = true;
        connected = true;
        for (const resolve of whenConnected) resolve();
        whenConnected = [];
        heartbeat = setInterval(() => void beat(sql, mine), HEARTBEAT.everyMs).unref();
        return;
      } catch {
        if (mine !== generation) return;
        // Not up yet, or the catch-up failed (a database not migrated yet): a new connection, later.
        await sql.end({ timeout: 0 }).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, reconnectMaxDelayMs)));
      }
    }
  }

  async function beat(sql: postgres.Sql, mine: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<"silent">((resolve) => (timer = setTimeout(resolve, HEARTBEAT.withinMs, "silent")));
    const answer = await Promise.race([sql`select 1`.then(() => "answered" as const, () => "failed" as const), silent]);
    clearTimeout(timer);
    if (answer !== "answered") lost(mine);
  }

  return {
    listen(listener) {
      listeners.add(listener);
      if (generation === 0 && !closed) void listen();
      return () => void listeners.delete(listener);
    },
    isConnected: () => connected,
    whenConnected: () => (connected ? Promise.resolve() : new Promise((resolve) => whenConnected.push(resolve))),
    async close() {
      closed = true;
      connected = false;
      generation += 1;
      clearInterval(heartbeat);
      listeners.clear();
      await client?.end({ timeout: 1 });
    },
  };
}
