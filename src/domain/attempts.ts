/** The actions a client may attempt only so often: each guesses a password or makes an account. */
export type GuardedAction = "login" | "register" | "changePassword";

/** Who is attempting: the client's network address, and for a login the username tried. */
export interface Attempt {
  action: GuardedAction;
  address: string;
  username?: string;
}

/** Counts attempts within a time window; see src/rate-limits.ts. */
export interface AttemptLimiter {
  /** Counts the attempt against each budget it falls under; throws RateLimited when one is spent. */
  attempt(attempt: Attempt): Promise<void>;
}
