import { inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Command, NewestFirstPages, Query } from "../../contract.ts";
import { AFTER, type NewestFirstBound } from "../keyset.ts";

type Values = Record<string, unknown>;

/** Prepared better-sqlite3 statements as Drizzle makes them: synchronous. */
interface SyncQuery<Row> {
  all(values?: Values): Row[];
  get(values?: Values): Row | undefined;
}
interface SyncCommand {
  run(values?: Values): unknown;
}

/**
 * Placeholders bypass Drizzle's column encoders, so values go in as the driver stores them:
 * timestamps as milliseconds, id lists as JSON arrays (unpacked by `inIdList`).
 */
function encode(values: object): Values {
  // On every statement: a plain loop, without the arrays Object.entries and fromEntries would make.
  const encoded: Values = {};
  for (const name in values) {
    const value = (values as Values)[name];
    encoded[name] = value instanceof Date ? value.getTime() : Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return encoded;
}

/**
 * Prepares on first use, not when the port is made: SQLite checks a statement's tables as it
 * prepares it, and they exist only once the database is migrated.
 */
function onFirstUse<Statement>(builder: { prepare(): Statement }): () => Statement {
  let statement: Statement | undefined;
  return () => (statement ??= builder.prepare());
}

/** A query, prepared on first use; `derived` adds (or replaces) placeholder values computed from the given ones. */
export function query<Params extends object, Row>(
  builder: { prepare(): SyncQuery<Row> },
  derived: (values: Params) => object = () => ({}),
): Query<Params, Row> {
  const statement = onFirstUse(builder);
  const bind = (values: Params) => encode({ ...values, ...derived(values) });
  return {
    all: async (values) => statement().all(bind(values)),
    get: async (values) => statement().get(bind(values)),
  };
}

/** A command, prepared on first use. */
export function command<Params extends object>(builder: { prepare(): SyncCommand }): Command<Params> {
  const statement = onFirstUse(builder);
  return { run: async (values) => void statement().run(encode(values)) };
}

/**
 * `column IN (the ids)` with one placeholder however many ids there are, so that the statement is
 * prepared once: the ids travel as a JSON array, unpacked by json_each. SQLite still probes the
 * column's index once per id.
 */
export function inIdList(column: AnyColumn, name: string): SQL {
  return inArray(column, sql`(select value from json_each(${sql.placeholder(name)}))`);
}

/** The first page and the pages after a key, of the statement `build` makes for either. */
export function pages<Params extends object, Row>(
  build: (after?: NewestFirstBound) => { prepare(): SyncQuery<Row> },
  derived?: (values: { limit: number }) => object,
): NewestFirstPages<Params, Row> {
  return { first: query(build(), derived), after: query(build(AFTER), derived) };
}
