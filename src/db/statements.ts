import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm";

/** A statement as it was sent: its SQL and the values bound to it. */
export interface IssuedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Counts the SQL statements issued inside a unit of work (a request, a test's operation). Drizzle
 * reports every statement to its logger in the caller's async context, which is how each one is
 * charged to the right unit even when requests interleave.
 */
export class StatementCounter {
  readonly #units = new AsyncLocalStorage<IssuedStatement[]>();

  readonly logger: Logger = {
    logQuery: (sql, params) => void this.#units.getStore()?.push({ sql, params }),
  };

  /** Runs `work` as one unit and tells how many statements it issued. */
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const { result, issued } = await this.record(work);
    return { result, statements: issued.length };
  }

  /** Runs `work` as one unit and tells which statements it issued, in order. */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; issued: IssuedStatement[] }> {
    const issued: IssuedStatement[] = [];
    // Awaited inside the unit: a lazy result (a query builder runs when awaited) still counts.
    const result = await this.#units.run(issued, async () => await work());
    return { result, issued };
  }
}
