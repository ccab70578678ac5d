import { count, desc, getColumns, inArray, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { sqliteTable, integer } from "drizzle-orm/sqlite-core";
import type { PostStatements, SearchQuery, SearchTerm } from "../../contract.ts";
import { LIMIT } from "../keyset.ts";
import { query } from "./prepared.ts";
import { posts } from "./schema.ts";

/**
 * The FTS5 index of posts' bodies, by post id (see the posts_full_text_search migration). Not in
 * schema.ts: drizzle-kit has no virtual tables, so the migration is written by hand.
 */
const postsSearch = sqliteTable("posts_search", { rowid: integer("rowid") });

/** A term as an FTS5 string: quoted, so that nothing in it is syntax. Words hold no quotes (search-query.ts). */
const phrase = (words: SearchTerm) => `"${words.join(" ")}"`;

/** The query in FTS5's syntax. */
export function fts5Query({ all, none }: SearchQuery): string {
  const clauses = all.map((terms) => (terms.length === 1 ? phrase(terms[0]!) : `(${terms.map(phrase).join(" OR ")})`));
  const matching = clauses.join(" AND ");
  return none.length === 0 ? matching : `(${matching}) NOT (${none.map(phrase).join(" OR ")})`;
}

const MATCH = sql`${postsSearch} match ${sql.placeholder("query")}`;
/** FTS5's bm25 is lower for better matches: negated, a higher score is better, as on PostgreSQL. */
const SCORE = sql<number>`-bm25(${postsSearch})`;
const AFTER_SCORE = sql.placeholder("afterScore");
const AFTER_ID = sql.placeholder("afterId");
/** The placeholder `query` holds the query in FTS5's syntax. */
const spelled = (values: { query: SearchQuery }) => ({ query: fts5Query(values.query) });

type SearchStatements = Pick<PostStatements, "searchByRelevance" | "searchByNewest" | "searchCount">;

export function searchStatements(db: BetterSQLite3Database): SearchStatements {
  /**
   * Every match is scored (bm25 reads each one's entry in the index: what bounds this order), then
   * the page's posts are read by id.
   */
  function byRelevance(after: boolean) {
    const matches = db.select({ id: sql<number>`${postsSearch.rowid}`.as("id"), score: SCORE.as("score") }).from(postsSearch).where(MATCH).as("matches");
    const page = db
      .select({ id: matches.id, score: matches.score })
      .from(matches)
      .where(after ? sql`${matches.score} < ${AFTER_SCORE} or (${matches.score} = ${AFTER_SCORE} and ${matches.id} < ${AFTER_ID})` : undefined)
      .orderBy(desc(matches.score), desc(matches.id))
      .limit(LIMIT)
      .as("page");
    return db
      .select({ ...getColumns(posts), score: sql<number>`${page.score}`.mapWith(Number) })
      .from(page)
      .innerJoin(posts, sql`${posts.id} = ${page.id}`)
      .orderBy(desc(page.score), desc(page.id));
  }

  /** FTS5 walks the index in descending id order and stops at the page's end, however many match. */
  function byNewest(after: boolean) {
    const ids = db
      .select({ id: postsSearch.rowid })
      .from(postsSearch)
      .where(after ? sql`${MATCH} and ${postsSearch.rowid} < ${AFTER_ID}` : MATCH)
      .orderBy(desc(postsSearch.rowid))
      .limit(LIMIT);
    return db.select().from(posts).where(inArray(posts.id, ids)).orderBy(desc(posts.id));
  }

  return {
    searchByRelevance: { first: query(byRelevance(false), spelled), after: query(byRelevance(true), spelled) },
    searchByNewest: { first: query(byNewest(false), spelled), after: query(byNewest(true), spelled) },
    searchCount: query(db.select({ n: count() }).from(postsSearch).where(MATCH), spelled),
  };
}
