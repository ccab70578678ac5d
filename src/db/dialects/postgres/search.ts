import { count, desc, getColumns, lt, sql } from "drizzle-orm";
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
/**
 * Cover density: how many of the query's words a post holds, and how close together (single
 * precision). Scored against the query as the post's own configuration reads it, picked from the
 * readings (computed once, when the statement is planned) by the post's language: against every
 * reading at once, each post would cost twenty times as much.
 */
const SCORE = sql<number>`ts_rank_cd(${SEARCH}, (posts_search_readings(${sql.placeholder("matching")}))[posts_search_position(${posts.language})])`;
const spelled = (values: { query: SearchQuery }) => tsqueryTexts(values.query);
const AFTER_ID = sql.placeholder("afterId");
/** How many of the newest posts a newest-first page looks through before it asks the GIN index. */
const WINDOW = 400;

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
          ? sql`(${scored.score}, ${scored.id}) < (${sql.placeholder("afterScore")}::real, ${AFTER_ID}::integer)`
          : undefined,
      )
      .orderBy(desc(scored.score), desc(scored.id))
      .limit(LIMIT);
  }

  /**
   * Newest first by id, in two parts whose cost neither the planner's estimates nor the words decide.
   * The newest WINDOW posts (past the cursor) are read backward along the primary key and tested:
   * a common word fills its page there. Only when they hold less than a page are older matches
   * taken from the GIN index and sorted (`id + 0` keeps the planner from reading the primary key
   * through every older post instead): a rare word, a phrase of common words that seldom meet, or
   * exclusions that leave little.
   */
  function byNewest(after: boolean) {
    const window = db.$with("newest").as(
      db
        .select({ id: posts.id, search: sql`${SEARCH}`.as("search") })
        .from(posts)
        .where(after ? lt(posts.id, AFTER_ID) : undefined)
        .orderBy(desc(posts.id))
        .limit(WINDOW),
    );
    const inWindow = db.$with("in_window").as(
      db.select({ id: window.id }).from(window).where(sql`${window.search} @@ ${QUERY}`).orderBy(desc(window.id)).limit(LIMIT),
    );
    // The older branch's LIMIT is 0 when the window filled the page: PostgreSQL then never starts it
    // (a WHERE would, with the workers of a parallel sort, before finding nothing to do).
    const older = sql`select ${posts.id} from ${posts}
      where ${MATCH} and ${posts.id} + 0 < (select min(${window.id}) from ${window})
      order by ${posts.id} + 0 desc
      limit case when (select count(*) from ${inWindow}) < ${LIMIT} then ${LIMIT} else 0 end`;
    const ids = sql`array(select ${inWindow.id} from ${inWindow} union all (${older}))`;
    // The page's posts, looked up by id in the primary key: an array of them, not a join the planner
    // could make into a walk or a scan of posts.
    return db.with(window, inWindow).select().from(posts).where(sql`${posts.id} = any(${ids})`).orderBy(desc(posts.id)).limit(LIMIT);
  }

  return {
    searchByRelevance: { first: query(byRelevance(false), spelled), after: query(byRelevance(true), spelled) },
    searchByNewest: { first: query(byNewest(false), spelled), after: query(byNewest(true), spelled) },
    searchCount: query(db.select({ n: count() }).from(posts).where(MATCH), spelled),
  };
}
