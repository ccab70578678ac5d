// Compile-time proof that the two table definitions describe the same tables: if a column is added,
// renamed or retyped on one side only, `npm run typecheck` fails here.
import type * as postgres from "./postgres/schema.ts";
import type * as sqlite from "./sqlite/schema.ts";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

type TableName = keyof typeof postgres;
type Shape<Schema extends Record<TableName, { $inferSelect: object; $inferInsert: object }>> = {
  [Name in TableName]: {
    select: Simplify<Schema[Name]["$inferSelect"]>;
    // Ids differ on insert only: PostgreSQL's identity columns are GENERATED ALWAYS and refuse one.
    insert: Simplify<Omit<Schema[Name]["$inferInsert"], "id">>;
  };
};

export type SchemaParity = [
  Expect<Equal<keyof typeof sqlite, keyof typeof postgres>>,
  Expect<Equal<Shape<typeof sqlite>, Shape<typeof postgres>>>,
];

/** Engine-blind row types: what every repository returns, whichever engine is behind it. */
export type UserRow = typeof postgres.users.$inferSelect;
export type PostRow = typeof postgres.posts.$inferSelect;
export type MessageRow = typeof postgres.messages.$inferSelect;
export type NotificationRow = typeof postgres.notifications.$inferSelect;
export type TaskRow = typeof postgres.tasks.$inferSelect;
