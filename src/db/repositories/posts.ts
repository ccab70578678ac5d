import type { NewestFirstKey, PostStatements, PostsRepository } from "../contract.ts";

/** The values of the ports' `After` placeholders. */
function afterKey(after: NewestFirstKey) {
  return { afterTimestamp: after.timestamp, afterId: after.id };
}

export function postsRepository(statements: PostStatements): PostsRepository {
  return {
    create: ({ userId, body, timestamp }) =>
      timestamp ? one(statements.insertAt.get({ userId, body, timestamp })) : one(statements.insert.get({ userId, body })),
    byId: (id) => statements.byId.get({ id }),
    delete: async (id) => (await statements.delete.all({ id })).length > 0,
    page: ({ limit, after }) => (after ? statements.pageAfter.all({ limit, ...afterKey(after) }) : statements.page.all({ limit })),
    byAuthor(authorIds, { limit, after }) {
      // One author (a profile page) is a plain range of their index, without merging pages.
      if (authorIds.length === 1) {
        const authorId = authorIds[0]!;
        return after
          ? statements.byAuthorAfter.all({ authorId, limit, ...afterKey(after) })
          : statements.byAuthor.all({ authorId, limit });
      }
      return after
        ? statements.byAuthorsAfter.all({ authorIds, limit, ...afterKey(after) })
        : statements.byAuthors.all({ authorIds, limit });
    },
    feed: (userId, { limit, after }) =>
      after ? statements.feedAfter.all({ userId, limit, ...afterKey(after) }) : statements.feed.all({ userId, limit }),
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
