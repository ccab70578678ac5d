-- Full-text search of posts (src/db/dialects/postgres/search.ts): a tsvector of each post, kept by
-- PostgreSQL as a generated column, with a GIN index.
--
-- Each post is indexed with the text-search configuration of its language where PostgreSQL has a
-- stemmer for it, `simple` (no stemming) for other languages, and English when its language could
-- not be told (short posts, and those written before languages were recorded). The configurations
-- are PostgreSQL's own with two changes, so that both engines match alike: no stop words (every
-- word of a query must match, "the" and "or" too), and accents folded by `unaccent`.
CREATE EXTENSION IF NOT EXISTS "unaccent";
--> statement-breakpoint
DO $migration$
DECLARE
	-- ISO 639-1 codes of the languages detected (franc-min) that PostgreSQL stems, and its names for them.
	stemmed CONSTANT text[][] := ARRAY[
		['ar', 'arabic'], ['de', 'german'], ['el', 'greek'], ['en', 'english'], ['es', 'spanish'],
		['fr', 'french'], ['hi', 'hindi'], ['hu', 'hungarian'], ['id', 'indonesian'], ['it', 'italian'],
		['ne', 'nepali'], ['nl', 'dutch'], ['pt', 'portuguese'], ['ro', 'romanian'], ['ru', 'russian'],
		['sr', 'serbian'], ['sv', 'swedish'], ['ta', 'tamil'], ['tr', 'turkish']
	];
	word_tokens CONSTANT text := 'asciiword, word, asciihword, hword, hword_asciipart, hword_part';
	schema_name CONSTANT text := current_schema();
	configuration text;
	cases text := '';
	configurations text[] := ARRAY[]::text[];
BEGIN
	EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I.microblog_simple (COPY = pg_catalog.simple)', schema_name);
	EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I.microblog_simple ALTER MAPPING FOR %s, numword, numhword, hword_numpart WITH unaccent, simple', schema_name, word_tokens);
	configurations := configurations || format('%I.microblog_simple', schema_name);
	FOR i IN 1 .. array_length(stemmed, 1) LOOP
		-- A language this server's snowball has no stemmer for is left to `simple`.
		CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = stemmed[i][2] AND cfgnamespace = 'pg_catalog'::regnamespace);
		configuration := format('%I.%I', schema_name, 'microblog_' || stemmed[i][2]);
		EXECUTE format('CREATE TEXT SEARCH DICTIONARY %I.%I (TEMPLATE = snowball, LANGUAGE = %s)', schema_name, 'microblog_' || stemmed[i][2] || '_stem', stemmed[i][2]);
		EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %s (COPY = %I.microblog_simple)', configuration, schema_name);
		EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s ALTER MAPPING FOR %s WITH unaccent, %I.%I', configuration, word_tokens, schema_name, 'microblog_' || stemmed[i][2] || '_stem');
		cases := cases || format(' WHEN %L THEN %L::regconfig', stemmed[i][1], configuration);
		configurations := configurations || configuration;
	END LOOP;

	-- The configuration a post of this language is indexed with.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_configuration("language" varchar) RETURNS regconfig
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN CASE WHEN "language" IS NULL THEN %L::regconfig ELSE CASE "language"%s ELSE %L::regconfig END END
	$function$, schema_name, format('%I.microblog_english', schema_name), cases, format('%I.microblog_simple', schema_name));

	-- A query's words in every configuration, any of them matching: the query's language is not
	-- known, and each post was indexed in its own. NULL when no configuration finds a word in it.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_any("query" text) RETURNS tsquery
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN (
			SELECT string_agg(DISTINCT '(' || "interpretation"::text || ')', ' | ')::tsquery
			FROM unnest(%L::regconfig[]) AS "configuration",
				to_tsquery("configuration", "query") AS "interpretation"
			WHERE numnode("interpretation") > 0
		)
	$function$, schema_name, configurations);
END
$migration$;
--> statement-breakpoint
-- The words of a body, ASCII punctuation read as spaces first: PostgreSQL's parser would otherwise
-- keep an email address, a URL or "e-mail" as one token, where FTS5 (and a searcher) sees words.
CREATE FUNCTION "posts_search_document"("language" varchar, "body" text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector(
	posts_search_configuration("language"),
	translate("body", '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))
);
--> statement-breakpoint
-- A query (src/db/dialects/postgres/search.ts writes `matching` and `excluding` in tsquery syntax):
-- what must match in any configuration, and what must not match in any. Folded to a constant when
-- the statement is planned, so the planner sees its words. Costly, so that a plan computes it once.
CREATE FUNCTION "posts_search_query"("matching" text, "excluding" text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000
RETURN CASE
	WHEN "excluding" = '' OR posts_search_any("excluding") IS NULL THEN posts_search_any("matching")
	ELSE posts_search_any("matching") && !! posts_search_any("excluding")
END;
--> statement-breakpoint
-- Computed for the posts that exist as the column is added, and kept by PostgreSQL in the writing
-- transaction ever after, whoever writes.
ALTER TABLE "posts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (posts_search_document("language", "body")) STORED;
--> statement-breakpoint
-- The planner picks between the GIN index (few matches) and a walk of the newest posts (many) from
-- these statistics: a longer list of the most common words tells rare from common more surely.
ALTER TABLE "posts" ALTER COLUMN "search" SET STATISTICS 1000;
--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search");
