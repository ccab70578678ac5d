import type { UserRow } from "../db/contract.ts";
import { Unauthenticated } from "./errors.ts";

/** Who is asking: the signed-in user and the token they presented. Null for an anonymous request. */
export interface Viewer {
  user: UserRow;
  tokenId: number;
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new Unauthenticated("You must be signed in to do that.");
  return viewer;
}
