import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Command, NewestFirstPages, Query } from "../../contract.ts";
import { AFTER, type NewestFirstBound } from "../keyset.ts";

/** A prepared statement as Drizzle makes it for postgres.js. */
interface AsyncPrepared<Row> {
  execute(values?: object): Promise<Row[]>;
}

// Statements are built once; the driver prepares each once per connection. postgres.js takes Dates
// and arrays as they are, so values go in unchanged.

/** A query, built once; `derived` adds placeholder values computed from the given ones. */
export function query<Params extends object, Row>(
  builder: { prepare(): AsyncPrepared<Row> },
  derived?: (values: Params) => object,
): Query<Params, Row> {
  const statement = builder.prepare();
  const execute = derived ? (values: Params) => statement.execute({ ...values, ...derived(values) }) : (values: Params) => statement.execute(values);
  return {
    all: (values) => execute(values),
    get: async (values) => (await execute(values))[0],
  };
}

export function command<Params extends object>(builder: { prepare(): AsyncPrepared<unknown> }): Command<Params> {
  const statement = builder.prepare();
  return { run: async (values) => void (await statement.execute(values)) };
}

/**
 * `column = ANY(the ids)` with one array placeholder however many ids there are, so that the
 * statement is prepared once. PostgreSQL probes the column's index per id.
 */
export function inIdList(column: AnyColumn, name: string): SQL {
  return sql`${column} = any(${sql.placeholder(name)}::integer[])`;
}

/** The first page and the pages after a key, of the statement `build` makes for either. */
export function pages<Params extends object, Row>(
  build: (after?: NewestFirstBound) => { prepare(): AsyncPrepared<Row> },
): NewestFirstPages<Params, Row> {
  return { first: query(build()), after: query(build(AFTER)) };
}
