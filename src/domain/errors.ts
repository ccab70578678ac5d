/** What went wrong, in the domain's words. The GraphQL layer turns these into error codes in one place. */
export abstract class DomainError extends Error {
  abstract readonly kind: "invalid-input" | "unauthenticated" | "forbidden" | "not-found" | "rate-limited" | "fell-behind" | "unavailable";
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

/** Several input fields at fault at once: every one is reported, in the order of the input. */
export class InvalidInputs extends DomainError {
  readonly kind = "invalid-input";
  readonly errors: readonly InvalidInput[];

  constructor(errors: readonly InvalidInput[]) {
    super(errors.map((error) => error.message).join(" "));
    this.errors = errors;
  }
}

/**
 * The failures of an input's checks, collected in the input's order, so that a client is told every
 * field's problem at once rather than one per attempt.
 */
export class InputErrors {
  readonly #failures: InvalidInput[] = [];

  /** What `check` returns, or undefined when it fails (the failure is kept). */
  check<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      this.#failures.push(error);
      return undefined;
    }
  }

  add(failure: InvalidInput): void {
    this.#failures.push(failure);
  }

  /** Throws what was collected: the one failure, or all of them as InvalidInputs. */
  throwIfAny(): void {
    if (this.#failures.length === 1) throw this.#failures[0];
    if (this.#failures.length > 1) throw new InvalidInputs(this.#failures);
  }
}

/** Runs every check, in the order given (the input's); throws all their failures at once, or returns what each returned. */
export function checkAll<Checks extends Record<string, () => unknown>>(checks: Checks): { [Name in keyof Checks]: ReturnType<Checks[Name]> } {
  const errors = new InputErrors();
  const results = Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, errors.check(check)]));
  errors.throwIfAny();
  return results as { [Name in keyof Checks]: ReturnType<Checks[Name]> };
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

/** Something the request needs (the job queue) cannot take it now: the client tries again shortly. */
export class Unavailable extends DomainError {
  readonly kind = "unavailable";
}
