import { count, desc, getColumns, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { PostStatements, SearchQuery, SearchTerm } from "../../contract.ts";
import { LIMIT } from "../keyset.ts";
import { query } from "./prepared.ts";
import { posts } from "./schema.ts";

// Posts' `search` column (a tsvector generated from the body in the post's language) and the SQL
// functions used here come from the posts_full_text_search migration: drizzle-kit has neither
// text-search configurations nor functions, so they are written by hand and stay out of schema.ts.

/** A term in tsquery syntax: quoted words in a row. Words hold no quotes or backslashes (search-query.ts). */
const phrase = (words: SearchTerm) => `(${words.map((word) => `'${word}'`).join(" <-> ")})`;

/** The query in tsquery syntax, before each configuration stems its words: what must match, and what must not. */
export function tsqueryTexts({ all, none }: SearchQuery): { matching: string; excluding: string } {
  return {
    matching: all.map((terms) => `(${terms.map(phrase).join(" | ")})`).join(" & "),
    excluding: none.map(phrase).join(" | "),
  };
}

/**
 * The query as PostgreSQL's: its words in every language's configuration (see the migration). An
 * immutable function of the statement's values, folded to a constant when the statement is planned,
 * so that the planner weighs how many posts hold those words when it picks a plan.
 */
const QUERY = sql`posts_search_query(${sql.placeholder("matching")}, ${sql.placeholder("excluding")})`;
const SEARCH = sql`${posts}."search"`;
const MATCH = sql`${SEARCH} @@ ${QUERY}`;
/** Cover density: how many of the query's words a post holds, and how close together. Single precision. */
const SCORE = sql<number>`ts_rank_cd(${SEARCH}, ${QUERY})`;
const spelled = (values: { query: SearchQuery }) => tsqueryTexts(values.query);

type SearchStatements = Pick<PostStatements, "searchByRelevance" | "searchByNewest" | "searchCount">;

export function searchStatements(db: PostgresJsDatabase): SearchStatements {
  /**
   * A bitmap of the matches from the GIN index; each is scored (which reads its tsvector: what bounds
   * this order), and the best are kept. The cursor's score is compared as the real it was.
   */
  function byRelevance(after: boolean) {
    const scored = db
      .select({ ...getColumns(posts), score: SCORE.mapWith(Number).as("score") })
      .from(posts)
      .where(MATCH)
      .as("scored");
    return db
      .select()
      .from(scored)
      .where(
        after
          ? sql`(${scored.score}, ${scored.id}) < (${sql.placeholder("afterScore")}::real, ${sql.placeholder("afterId")}::integer)`
          : undefined,
      )
      .orderBy(desc(scored.score), desc(scored.id))
      .limit(LIMIT);
  }

  /**
   * Newest first by id. Where the words are common, a backward walk of the primary key, each post
   * tested, stops at the page's end; where they are rare, the GIN index finds the few and they are
   * sorted. The planner picks between them from the words' statistics.
   */
  function byNewest(after: boolean) {
    const where = after ? sql`${MATCH} and ${posts.id} < ${sql.placeholder("afterId")}` : MATCH;
    return db.select().from(posts).where(where).orderBy(desc(posts.id)).limit(LIMIT);
  }

  return {
    searchByRelevance: { first: query(byRelevance(false), spelled), after: query(byRelevance(true), spelled) },
    searchByNewest: { first: query(byNewest(false), spelled), after: query(byNewest(true), spelled) },
    searchCount: query(db.select({ n: count() }).from(posts).where(MATCH), spelled),
  };
}
