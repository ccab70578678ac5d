import type { NewestFirstKey, NewestFirstPages, PageRequest, PostStatements, PostsRepository } from "../contract.ts";

/** A page of `pages`: the first, or the one after the request's key. */
function read<Params, Row>(pages: NewestFirstPages<Params, Row>, params: Params, { limit, after }: PageRequest<NewestFirstKey>) {
  return after
    ? pages.after.all({ ...params, limit, afterTimestamp: after.timestamp, afterId: after.id })
    : pages.first.all({ ...params, limit });
}

export function postsRepository(statements: PostStatements): PostsRepository {
  return {
    create: ({ userId, body, timestamp }) =>
      one(timestamp ? statements.insertAt.get({ userId, body, timestamp }) : statements.insert.get({ userId, body })),
    byId: (id) => statements.byId.get({ id }),
    delete: async (id) => (await statements.delete.all({ id })).length > 0,
    page: (request) => read(statements.page, {}, request),
    // One author (a profile page) is a plain range of their index, without merging pages.
    byAuthor: (authorIds, request) =>
      authorIds.length === 1
        ? read(statements.byAuthor, { authorId: authorIds[0]! }, request)
        : read(statements.byAuthors, { authorIds }, request),
    feed: (userId, request) => read(statements.feed, { userId }, request),
    feedCount: async (userId) => (await statements.feedCount.get({ userId }))!.n,
    count: async () => (await statements.count.get({}))!.n,
  };
}

/** The row an INSERT … RETURNING returned. */
async function one<Row>(row: Promise<Row | undefined>): Promise<Row> {
  const inserted = await row;
  if (!inserted) throw new Error("the insert returned no row");
  return inserted;
}
