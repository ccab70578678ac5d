import type { FollowStatements, FollowsRepository } from "../contract.ts";

export function followsRepository(statements: FollowStatements): FollowsRepository {
  return {
    follow: (followerId, followedId, maxFollowing) => statements.follow(followerId, followedId, maxFollowing),
    unfollow: (followerId, followedId) => statements.delete.run({ followerId, followedId }),
    followedAmong: async (followerId, ids) => new Set((await statements.followedAmong.all({ followerId, ids })).map((row) => row.id)),
    followedBy: async (followerId) => (await statements.followedBy.all({ followerId })).map((row) => row.id),
    list: (direction, ownerIds, request) => statements.list(direction, ownerIds, request),
  };
}
