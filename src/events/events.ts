/**
 * What a write announces to live subscribers: ids, never rows (a subscriber reads the row it needs,
 * as it is allowed to see it). Published only with (PostgreSQL) or after (SQLite) the commit of the
 * write, never for one that rolled back.
 */
export type LiveEvent =
  | { type: "post"; id: number; authorId: number }
  | { type: "message"; id: number; recipientId: number }
  | { type: "notification"; id: number; userId: number }
  | { type: "follow" | "unfollow"; followerId: number; followedId: number };

export interface LiveEventListener {
  event(event: LiveEvent): void;
  /**
   * Events may have been missed (PostgreSQL: the listening connection was lost and is back): what
   * was derived from them is to be read again. The events missed meanwhile follow once it settles.
   */
  resync(): Promise<void>;
}

/** The events of every instance, as this one hears them. */
export interface LiveEvents {
  /** Hands `listener` every event committed from now on; returns the function that stops. */
  listen(listener: LiveEventListener): () => void;
  /** Whether events reach this instance now (PostgreSQL: its listening connection is up). */
  isConnected(): boolean;
  /** Settles once events reach this instance (at once when they do). */
  whenConnected(): Promise<void>;
  close(): Promise<void>;
}

/** Events within one process (SQLite: one instance), handed out after the write's commit. */
export function inProcessEvents(): LiveEvents & { publish(event: LiveEvent): void } {
  const listeners = new Set<LiveEventListener>();
  return {
    publish(event) {
      for (const listener of listeners) listener.event(event);
    },
    listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isConnected: () => true,
    whenConnected: () => Promise.resolve(),
    async close() {
      listeners.clear();
    },
  };
}
