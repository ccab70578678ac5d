import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "drizzle-orm";

/**
 * Counts the SQL statements issued inside a unit of work (a request, a test's operation). Drizzle
 * reports every statement to its logger in the caller's async context, which is how each one is
 * charged to the right unit even when requests interleave.
 */
export class StatementCounter {
  readonly #units = new AsyncLocalStorage<{ statements: number }>();

  readonly logger: Logger = {
    logQuery: () => {
      const unit = this.#units.getStore();
      if (unit) unit.statements += 1;
    },
  };

  /** Runs `work` as one unit and tells how many statements it issued. */
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const unit = { statements: 0 };
    const result = await this.#units.run(unit, work);
    return { result, statements: unit.statements };
  }
}
