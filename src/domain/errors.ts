/** What went wrong, in the domain's words. The GraphQL layer turns these into error codes in one place. */
export abstract class DomainError extends Error {
  abstract readonly kind: "invalid-input" | "unauthenticated" | "forbidden" | "not-found" | "rate-limited";
}

export class InvalidInput extends DomainError {
  readonly kind = "invalid-input";
  /** The input field at fault, as the client named it. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = "unauthenticated";
}

export class Forbidden extends DomainError {
  readonly kind = "forbidden";
}

export class NotFound extends DomainError {
  readonly kind = "not-found";
}

/** Too many attempts at something abuse-prone (guessing passwords, mass sign-ups) from one client. */
export class RateLimited extends DomainError {
  readonly kind = "rate-limited";
  /** When the client may try again. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} seconds.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
