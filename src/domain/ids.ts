/** The largest id either engine stores (a 32-bit integer column). */
const MAX_ID = 2_147_483_647;

/** A GraphQL ID (or a cursor's id part) as a row id, or undefined when it cannot name a row. */
export function parseId(id: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return undefined;
  const n = Number(id);
  return n <= MAX_ID ? n : undefined;
}
