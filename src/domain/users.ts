import { avatarHashOf } from "../db/avatar-hash.ts";
import type { ProfileChanges, Repositories, UserKey, UserRow, UserSummaryRow } from "../db/contract.ts";
import { checkAll, InvalidInput } from "./errors.ts";
import { cursorCodec, readPageArgs, toConnection, type Connection, type PageArgs, type RequestMemo } from "./pagination.ts";
import { checkText } from "./text.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

// ASCII only, so that "ignoring case" means the same thing to SQLite's lower() and PostgreSQL's.
const USERNAME = /^[A-Za-z0-9_.-]{1,64}$/;
// The HTML standard's definition of a valid email address, with at least one dot in the domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const LOWERCASE_USERNAME = /^[a-z0-9_.-]{1,64}$/;
const MAX_EMAIL_LENGTH = 120;
const PASSWORD = { label: "Password", min: 8, max: 128, kind: "verbatim" } as const;
const AVATAR_SIZE = { min: 1, max: 2048 };
const ABOUT_ME = { field: "aboutMe", label: "About me", min: 0, max: 140, kind: "multiline" } as const;

/** By username, ignoring case; usernames are unique ignoring case, so the lowercased name is the key. */
export const userCursor = cursorCodec<UserSummaryRow, UserKey>(
  "user",
  (user) => user.username.toLowerCase(),
  (parts) => (LOWERCASE_USERNAME.test(parts) ? { usernameLower: parts } : undefined),
);

/** Whether a user could have this name; a name that could not is never looked up. */
export function isPossibleUsername(username: string): boolean {
  return USERNAME.test(username);
}

export function checkUsername(username: string, field = "username"): string {
  if (!USERNAME.test(checkText(username, { field, label: "Username", min: 0, max: Infinity, kind: "verbatim" }))) {
    throw new InvalidInput(field, "Username must be 1 to 64 letters, digits, '_', '.' or '-'.");
  }
  return username;
}

/** The address as stored: trimmed and lowercased. */
export function checkEmail(email: string, field = "email"): string {
  const normalized = checkText(email, { field, label: "Email", min: 0, max: Infinity, kind: "shown" }).toLowerCase();
  if (normalized.length > MAX_EMAIL_LENGTH || !EMAIL.test(normalized)) {
    throw new InvalidInput(field, `Email must be a valid address of at most ${MAX_EMAIL_LENGTH} characters.`);
  }
  return normalized;
}

/**
 * A password offered to sign in or to confirm a change: no rule of length but the most any password
 * may have, yet the same refusal of what is not text, so that it is compared as it was stored.
 */
export function checkPasswordAttempt(password: string, field = "password"): string {
  return checkText(password, { field, ...PASSWORD, min: 0 });
}

/** Never altered: a password that holds what no keyboard types is refused. */
export function checkPassword(password: string, field = "password"): string {
  return checkText(password, { field, ...PASSWORD });
}

export const TAKEN_MESSAGE = {
  username: "Please use a different username.",
  email: "Please use a different email address.",
} as const;

export interface ProfileInput {
  /** Absent or null: unchanged. */
  username?: string | null;
  /** Absent: unchanged. Null or empty: cleared. */
  aboutMe?: string | null;
}

export function createUsersService(repos: Repositories) {
  return {
    /** Changes the viewer's username and "about me"; a username may change case or be kept as it is. */
    async updateProfile(viewer: Viewer | null, input: ProfileInput): Promise<UserRow> {
      const { user } = requireViewer(viewer);
      const { username, aboutMe } = checkAll({
        username: () => (input.username === undefined || input.username === null ? undefined : checkUsername(input.username)),
        aboutMe: () => (input.aboutMe === undefined ? undefined : checkText(input.aboutMe ?? "", ABOUT_ME) || null),
      });
      const changes: ProfileChanges = {};
      if (username !== undefined) changes.username = username;
      if (aboutMe !== undefined) changes.aboutMe = aboutMe;
      if (Object.keys(changes).length === 0) return user;
      const updated = await repos.users.updateProfile(user.id, changes);
      if (!updated.ok) throw new InvalidInput("username", TAKEN_MESSAGE.username);
      return updated.user;
    },

    /** Null when there is no such user (a name that could not exist is not looked up). */
    async byUsername(username: string): Promise<UserRow | null> {
      if (!isPossibleUsername(username)) return null;
      return (await repos.users.byUsername(username)) ?? null;
    },

    async page(args: PageArgs, request: RequestMemo): Promise<Connection<UserSummaryRow>> {
      const page = readPageArgs(args, userCursor);
      const rows = await request.page("users", page.request, (read) => repos.users.page(read));
      return toConnection(rows, page, userCursor, () => request.memo("users:count", () => repos.users.count()));
    },

    /** A user's email is theirs alone: a request not signed in as them sees null. */
    visibleEmail(signedInAs: ReadonlySet<number>, user: Pick<UserRow, "id" | "email">): string | null {
      return signedInAs.has(user.id) ? user.email : null;
    },

    /** Whether `visibleEmail` would show this user's email: no need to read it otherwise. */
    mayShowEmail(signedInAs: ReadonlySet<number>, userId: number): boolean {
      return signedInAs.has(userId);
    },

    /** A user's Gravatar key: stored with them; computed only for a row an older release wrote, not backfilled yet. */
    avatarKey(user: Pick<UserRow, "avatarHash" | "email">): string {
      return user.avatarHash ?? avatarHashOf(user.email);
    },

    /** The avatar of a Gravatar key, `size` pixels square. */
    avatarUrl(avatarKey: string, size: number): string {
      if (!Number.isInteger(size) || size < AVATAR_SIZE.min || size > AVATAR_SIZE.max) {
        throw new InvalidInput("size", `size must be between ${AVATAR_SIZE.min} and ${AVATAR_SIZE.max}.`);
      }
      return `https://www.gravatar.com/avatar/${avatarKey}?d=identicon&s=${size}`;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
