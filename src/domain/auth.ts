import type { Repositories, UserRow } from "../db/contract.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { checkAll, InputErrors, InvalidInput, Unauthenticated } from "./errors.ts";
import type { PasswordHasher } from "./passwords.ts";
import { hashToken, isTokenShaped, newToken } from "./secrets.ts";
import { checkEmail, checkPassword, checkPasswordAttempt, checkUsername, isPossibleUsername, TAKEN_MESSAGE } from "./users.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

export interface AuthPayload {
  /** Shown to the client once; only its hash is kept. */
  token: string;
  user: UserRow;
}

/** `lastSeen` is written at most this often per user, however many requests they make. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

const INVALID_LOGIN = "Invalid username or password";
const INVALID_TOKEN = "The token is invalid or has expired; sign in again.";

export interface AuthDeps {
  repos: Repositories;
  passwords: PasswordHasher;
  attempts: AttemptLimiter;
  tokenTtlSeconds: number;
  now: () => Date;
}

/** Where a request comes from, as far as rate limits are concerned. */
export interface Client {
  address: string;
}

export function createAuthService({ repos, passwords, attempts, tokenTtlSeconds, now }: AuthDeps) {
  /** A session for the user, bound to the password hash just verified (or set): none if it has changed since. */
  async function issueToken(user: UserRow): Promise<AuthPayload> {
    const token = newToken();
    const issuedAt = now();
    // Signing in is when a user's dead tokens are swept, so the table holds only live ones and a few.
    await repos.tokens.deleteExpired(user.id, issuedAt);
    const expiresAt = new Date(issuedAt.getTime() + tokenTtlSeconds * 1000);
    const session = { userId: user.id, tokenHash: hashToken(token), expiresAt };
    if (!user.passwordHash || !(await repos.tokens.createForPassword(session, user.passwordHash))) {
      throw new Unauthenticated(INVALID_LOGIN);
    }
    return { token, user };
  }

  return {
    async register(client: Client, input: { username: string; email: string; password: string }): Promise<AuthPayload> {
      await attempts.attempt({ action: "register", address: client.address });
      const { username, email, password } = checkAll({
        username: () => checkUsername(input.username),
        email: () => checkEmail(input.email),
        password: () => checkPassword(input.password),
      });
      const passwordHash = await passwords.hash(password);
      const created = await repos.users.create({ username, email, passwordHash, lastSeen: now() });
      if (!created.ok) throw new InvalidInput(created.taken, TAKEN_MESSAGE[created.taken]);
      return issueToken(created.user);
    },

    /** One answer for an unknown user and a wrong password, taking the same time for both. */
    async login(client: Client, username: string, password: string): Promise<AuthPayload> {
      await attempts.attempt({ action: "login", address: client.address, username });
      checkPasswordAttempt(password);
      const user = isPossibleUsername(username) ? await repos.users.byUsername(username) : undefined;
      const matches = await passwords.verify(user?.passwordHash, password);
      if (!user || !matches) throw new Unauthenticated(INVALID_LOGIN);
      return issueToken(user);
    },

    /** Revokes the token the viewer presented; their other tokens (other devices) stay valid. */
    async logout(viewer: Viewer | null): Promise<boolean> {
      await repos.tokens.delete(requireViewer(viewer).tokenId);
      return true;
    },

    /**
     * The viewer a bearer token stands for. Malformed, unknown, expired or revoked: Unauthenticated.
     * Being authenticated is being seen: `lastSeen` moves on, written once a minute at most.
     */
    async authenticate(token: string): Promise<Viewer> {
      if (!isTokenShaped(token)) throw new Unauthenticated(INVALID_TOKEN);
      const session = await repos.tokens.sessionByHash(hashToken(token));
      const at = now();
      if (!session || session.expiresAt <= at) throw new Unauthenticated(INVALID_TOKEN);
      const staleBefore = new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS);
      if (session.user.lastSeen && session.user.lastSeen > staleBefore) {
        return { user: session.user, tokenId: session.tokenId };
      }
      await repos.users.recordSeen(session.user.id, at, staleBefore);
      return { user: { ...session.user, lastSeen: at }, tokenId: session.tokenId };
    },

    /** Those of the viewers' tokens that are still valid: not revoked (logout, a password change) and not expired. */
    async stillValid(tokenIds: readonly number[]): Promise<Set<number>> {
      return tokenIds.length === 0 ? new Set() : repos.tokens.liveAmong(tokenIds, now());
    },

    /** Other devices are signed out (their tokens revoked); the token this request presented stays valid. */
    async changePassword(
      viewer: Viewer | null,
      client: Client,
      currentPassword: string,
      newPassword: string,
    ): Promise<boolean> {
      const { user, tokenId } = requireViewer(viewer);
      await attempts.attempt({ action: "changePassword", address: client.address });
      // The current password is verified even when the new one is refused: both are told at once.
      const errors = new InputErrors();
      const attempt = errors.check(() => checkPasswordAttempt(currentPassword, "currentPassword"));
      if (attempt !== undefined && !(await passwords.verify(user.passwordHash, attempt))) {
        errors.add(new InvalidInput("currentPassword", "The current password is incorrect."));
      }
      const password = errors.check(() => checkPassword(newPassword, "newPassword"));
      errors.throwIfAny();
      await repos.users.replacePassword(user.id, await passwords.hash(password!), tokenId);
      return true;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
