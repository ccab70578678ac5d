import type { MessageRow, Repositories, UserRow } from "../db/contract.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { InvalidInput, NotFound } from "./errors.ts";
import { newestFirstCursor, readPageArgs, toConnection, type Connection, type PageArgs, type RequestMemo } from "./pagination.ts";
import { checkText } from "./text.ts";
import { isPossibleUsername } from "./users.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

const BODY = { field: "body", label: "A message", min: 1, max: 140, kind: "multiline" } as const;

/** Newest first: the timestamp, then the id. */
const inboxCursor = newestFirstCursor<MessageRow>("messages", (message) => message);
const conversationCursor = newestFirstCursor<MessageRow>("conversation", (message) => message);

export interface MessagesDeps {
  repos: Repositories;
  attempts: AttemptLimiter;
}

/** Private messages: only their sender and recipient ever see one, by any path. */
export function createMessagesService({ repos, attempts }: MessagesDeps) {
  /** The user the viewer names (ignoring case), who must exist. */
  async function named(username: string): Promise<UserRow> {
    const user = isPossibleUsername(username) ? await repos.users.byUsername(username) : undefined;
    if (!user) throw new NotFound("There is no such user.");
    return user;
  }

  return {
    /** The message as stored. Sending is rate limited per user. */
    async send(viewer: Viewer | null, to: string, body: string): Promise<MessageRow> {
      const sender = requireViewer(viewer).user;
      await attempts.attempt({ action: "message", userId: sender.id });
      const text = checkText(body, BODY);
      const recipient = await named(to);
      if (recipient.id === sender.id) throw new InvalidInput("to", "You cannot send a message to yourself.");
      return repos.messages.send({ senderId: sender.id, recipientId: recipient.id, body: text });
    },

    /** Every received message read: the viewer as left (an unread count of 0). */
    async markRead(viewer: Viewer | null): Promise<UserRow> {
      return repos.messages.markRead(requireViewer(viewer).user.id);
    },

    /** What the viewer received, newest first. */
    async received(viewer: Viewer | null, args: PageArgs, request: RequestMemo): Promise<Connection<MessageRow>> {
      const { user } = requireViewer(viewer);
      const page = readPageArgs(args, inboxCursor);
      const rows = await request.page("messages", page.request, (read) => repos.messages.received(user.id, read));
      return toConnection(rows, page, inboxCursor, () => request.memo("messages:count", () => repos.messages.receivedCount(user.id)));
    },

    /** The viewer's messages with another user, both ways, newest first. */
    async conversation(viewer: Viewer | null, withUsername: string, args: PageArgs, request: RequestMemo): Promise<Connection<MessageRow>> {
      const { user } = requireViewer(viewer);
      const page = readPageArgs(args, conversationCursor);
      const other = await named(withUsername);
      const rows = await request.page(`conversation:${other.id}`, page.request, (read) => repos.messages.conversation(user.id, other.id, read));
      return toConnection(rows, page, conversationCursor, () =>
        request.memo(`conversation:${other.id}:count`, () => repos.messages.conversationCount(user.id, other.id)),
      );
    },

    /** A user's unread count, for themself only; null for anyone else. */
    unreadCount(viewer: Viewer | null, user: Pick<UserRow, "id" | "unreadMessageCount">): number | null {
      return viewer?.user.id === user.id ? user.unreadMessageCount : null;
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
