import type { NewestFirstKey, NewestFirstPages, PageRequest, PostStatements, PostsRepository } from "../contract.ts";
import { inserted } from "./rows.ts";

/** The first page, or the one after the request's cursor: the only place that tells them apart. */
export function read<Params, Row>(pages: NewestFirstPages<Params, Row>, params: Params, { limit, after }: PageRequest<NewestFirstKey>) {
  return after
    ? pages.after.all({ ...params, limit, afterTimestamp: after.timestamp, afterId: after.id })
    : pages.first.all({ ...params, limit });
}

export function postsRepository(statements: PostStatements): PostsRepository {
  return {
    create: ({ userId, body, language = null, timestamp }) =>
      inserted(
        timestamp
          ? statements.insertAt.get({ userId, body, language, timestamp })
          : statements.insert.get({ userId, body, language }),
      ),
    byId: (id) => statements.byId.get({ id }),
    byIds: (ids) => statements.byIds.all({ ids }),
    delete: async (id) => (await statements.delete.all({ id })).length > 0,
    page: (request) => read(statements.page, {}, request),
    // One author (a profile page) is a plain range of their index, without merging pages.
    byAuthors: (authorIds, request) =>
      authorIds.length === 1
        ? read(statements.byAuthor, { authorId: authorIds[0]! }, request)
        : read(statements.byAuthors, { authorIds }, request),
    feed: (userId, request) => read(statements.feed, { userId }, request),
    feedCount: async (userId) => (await statements.feedCount.get({ userId }))!.n,
    count: async () => (await statements.count.get({}))!.n,
    searchByRelevance: (query, { limit, after }) =>
      after
        ? statements.searchByRelevance.after.all({ query, limit, afterScore: after.score, afterId: after.id })
        : statements.searchByRelevance.first.all({ query, limit }),
    searchByNewest: (query, { limit, after }) =>
      after
        ? statements.searchByNewest.after.all({ query, limit, afterId: after.id })
        : statements.searchByNewest.first.all({ query, limit }),
    searchCount: async (query) => (await statements.searchCount.get({ query }))!.n,
  };
}
