/** The largest id either engine stores (a 32-bit integer column). */
const MAX_ID = 2_147_483_647;

/** A row id written in decimal (a cursor's id part) as a number, or undefined when it cannot name a row. */
export function parseId(id: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(id)) return undefined;
  const n = Number(id);
  return n <= MAX_ID ? n : undefined;
}

/** The object types with an identity of their own that `node(id)` finds. */
export type NodeType = "User" | "Post" | "Message" | "Task";
/** What a global id can name: the node types, and notifications (found only through `notifications`). */
export type IdType = NodeType | "Notification";
const ID_TYPES = new Set<string>(["User", "Post", "Message", "Task", "Notification"] satisfies IdType[]);

function isIdType(type: string | undefined): type is IdType {
  return type !== undefined && ID_TYPES.has(type);
}

export function isNodeType(type: IdType): type is NodeType {
  return type !== "Notification";
}

/**
 * The id a client sees: opaque, and unique across types (a normalized cache such as Relay's keys
 * records by id alone), the type and the row id in base64url: "User:42" → "VXNlcjo0Mg".
 */
export function globalId(type: IdType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString("base64url");
}

/** What a global id names, or undefined when it is not one of ours (in exactly the form we write). */
export function parseGlobalId(id: string): { type: IdType; id: number } | undefined {
  if (id.length > 32 || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const match = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(id, "base64url").toString());
  const type = match?.[1];
  const rowId = match ? parseId(match[2]!) : undefined;
  if (!isIdType(type) || rowId === undefined) return undefined;
  // One spelling per id: what decodes alike but is written otherwise is not ours.
  return globalId(type, rowId) === id ? { type, id: rowId } : undefined;
}

/** The row id of a `type`'s global id; undefined for a malformed id or another type's. */
export function rowIdOf(id: string, type: IdType): number | undefined {
  const parsed = parseGlobalId(id);
  return parsed?.type === type ? parsed.id : undefined;
}
