/**
 * The actions a client may attempt only so often (guessing a password, making accounts, churning
 * follows, sending messages), and who is attempting: the client's network address for what can be done signed out
 * (and for a login the username tried too); the signed-in user for follows and unfollows, which
 * share one budget.
 */
export type Attempt =
  | { action: "login"; address: string; username: string }
  | { action: "register" | "changePassword" | "resetPassword"; address: string }
  /** `email`: the address asked about, whoever asks. */
  | { action: "requestPasswordReset"; address: string; email: string }
  | { action: "follow" | "message"; userId: number };

/** Counts attempts within a time window; see src/rate-limits.ts. */
export interface AttemptLimiter {
  /** Counts the attempt against each budget it falls under; throws RateLimited when one is spent. */
  attempt(attempt: Attempt): Promise<void>;
}
