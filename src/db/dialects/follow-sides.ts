import type { AnyColumn } from "drizzle-orm";
import type { NewestFirstColumns } from "./keyset.ts";
import type { FollowDirection } from "../contract.ts";

/**
 * The two sides of a follow as a list sees them: `owner` is whose list it is, `listed` who appears
 * in it; `order` is the list's newest-first order (the follow's date, then the listed user's id),
 * which the followers table has an index for in each direction.
 */
export function followSides<Id extends AnyColumn, CreatedAt extends AnyColumn>(
  follows: { followerId: Id; followedId: Id; createdAt: CreatedAt },
  direction: FollowDirection,
): { owner: Id; listed: Id; order: NewestFirstColumns } {
  const [owner, listed] =
    direction === "followers" ? [follows.followedId, follows.followerId] : [follows.followerId, follows.followedId];
  return { owner, listed, order: { timestamp: follows.createdAt, id: listed } };
}
