import type { FollowDirection, FollowListRow, Repositories, UserRow, UserSummaryRow } from "../db/contract.ts";
import type { AttemptLimiter } from "./attempts.ts";
import { InvalidInput, NotFound } from "./errors.ts";
import { newestFirstCursor, readPageArgs, toConnection, type Connection, type PageArgs, type UserPageKey } from "./pagination.ts";
import { isPossibleUsername } from "./users.ts";
import { requireViewer, type Viewer } from "./viewer.ts";

/** Most recent first: when the follow began, then the listed user's id. Each list has its own tag. */
const followListCursor = {
  followers: newestFirstCursor<FollowListRow>("followers", (row) => ({ timestamp: row.followedAt, id: row.id })),
  following: newestFirstCursor<FollowListRow>("following", (row) => ({ timestamp: row.followedAt, id: row.id })),
};

/** The per-request batch loaders follow lists and counts are read through (see src/graphql/loaders.ts). */
export interface FollowLoaders {
  followList: Record<FollowDirection, { load(key: UserPageKey): Promise<FollowListRow[]> }>;
  /** Whether the viewer follows a user; only made for a signed-in request. */
  followedByViewer: { load(userId: number): Promise<boolean> } | null;
}

/** Both sides of a follow as it left them. */
export interface FollowOutcome {
  user: UserRow;
  viewer: UserRow;
}

export interface FollowsDeps {
  repos: Repositories;
  attempts: AttemptLimiter;
  /** How many users one account may follow: what a feed reads grows with it. */
  maxFollowing: number;
}

export function createFollowsService({ repos, attempts, maxFollowing }: FollowsDeps) {
  /** The user the viewer names, who must exist and not be the viewer. */
  async function other(viewer: Viewer, username: string): Promise<UserRow> {
    const user = isPossibleUsername(username) ? await repos.users.byUsername(username) : undefined;
    if (!user) throw new NotFound("There is no such user.");
    if (user.id === viewer.user.id) throw new InvalidInput("username", "You cannot follow yourself.");
    return user;
  }

  /** Both users as the write left them, in one read: the follower and following counts have just changed. */
  async function reread(viewer: Viewer, user: UserRow): Promise<FollowOutcome> {
    const fresh = new Map((await repos.users.byIds([user.id, viewer.user.id])).map((row) => [row.id, row]));
    return { user: fresh.get(user.id) ?? user, viewer: fresh.get(viewer.user.id) ?? viewer.user };
  }

  return {
    /**
     * Following someone already followed changes nothing. Returns both users. Follows and unfollows
     * share one budget per user and window, and nobody follows more than `maxFollowing`.
     */
    async follow(viewer: Viewer | null, username: string): Promise<FollowOutcome> {
      const follower = requireViewer(viewer);
      await attempts.attempt({ action: "follow", userId: follower.user.id });
      const user = await other(follower, username);
      if ((await repos.follows.follow(follower.user.id, user.id, maxFollowing)) === "limit") {
        throw new InvalidInput("username", `You cannot follow more than ${maxFollowing} users; unfollow someone first.`);
      }
      return reread(follower, user);
    },

    /** Unfollowing someone not followed changes nothing. Returns both users. */
    async unfollow(viewer: Viewer | null, username: string): Promise<FollowOutcome> {
      const follower = requireViewer(viewer);
      await attempts.attempt({ action: "follow", userId: follower.user.id });
      const user = await other(follower, username);
      await repos.follows.unfollow(follower.user.id, user.id);
      return reread(follower, user);
    },

    /** False for an anonymous request. */
    async isFollowedByViewer(user: UserSummaryRow, loaders: FollowLoaders): Promise<boolean> {
      return loaders.followedByViewer ? loaders.followedByViewer.load(user.id) : false;
    },

    /** A user's followers, or the users they follow: most recent first, batched across the response. */
    async list(
      direction: FollowDirection,
      user: UserSummaryRow,
      args: PageArgs,
      loaders: FollowLoaders,
    ): Promise<Connection<UserRow>> {
      const cursor = followListCursor[direction];
      const page = readPageArgs(args, cursor);
      const rows = await loaders.followList[direction].load({ userId: user.id, request: page.request });
      const total = direction === "followers" ? user.followerCount : user.followingCount;
      return toConnection(rows, page, cursor, async () => total);
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
