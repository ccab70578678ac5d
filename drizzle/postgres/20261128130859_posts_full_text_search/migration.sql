-- Full-text search of posts (src/db/dialects/postgres/search.ts): a tsvector of each post, kept by
-- PostgreSQL as a generated column, with a GIN index.
--
-- Each post is indexed with the text-search configuration of its language where PostgreSQL has a
-- stemmer for it, `simple` (no stemming) for other languages, and English when its language could
-- not be told (short posts, and those written before languages were recorded). The configurations
-- are PostgreSQL's own with two changes, so that both engines match alike: no stop words (every
-- word of a query must match, "the" and "or" too), and accents folded by `unaccent`.
--
-- A query's language cannot be told, so its words are read in every configuration; yet a post
-- must match only as its own language reads them (Hungarian's stem of "hated" is "hat", which an
-- English post about a hat must not match). So each lexeme of a post not indexed as English is
-- tagged with its configuration ("spanish:corr"), and so is each reading of a query: one GIN index,
-- and every post meets only its own language's reading.
CREATE EXTENSION IF NOT EXISTS "unaccent";
--> statement-breakpoint
-- The lexemes of a vector or a query, in their text form (quoted, quotes doubled), each tagged.
CREATE FUNCTION "posts_search_tagged"("lexemes" text, "tag" text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN "tag" = '' THEN "lexemes"
	ELSE regexp_replace("lexemes", '''((?:[^'']|'''')*)''', '''' || "tag" || '\1''', 'g')
END;
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
	simple_configuration CONSTANT text := format('%I.microblog_simple', schema_name);
	configuration text;
	-- WHEN language THEN configuration, for the stemmed languages.
	languages text := '';
	-- WHEN configuration THEN tag, for every configuration but English.
	tags text := format(' WHEN %L::regconfig THEN %L', simple_configuration, 'simple:');
	-- Every configuration as a regconfig constant, so that PostgreSQL knows the function depends on it.
	configurations text := format('%L::regconfig', simple_configuration);
BEGIN
	EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %s (COPY = pg_catalog.simple)', simple_configuration);
	EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s ALTER MAPPING FOR %s, numword, numhword, hword_numpart WITH unaccent, simple', simple_configuration, word_tokens);
	FOR i IN 1 .. array_length(stemmed, 1) LOOP
		-- A language this server's snowball has no stemmer for is left to `simple`.
		CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = stemmed[i][2] AND cfgnamespace = 'pg_catalog'::regnamespace);
		configuration := format('%I.%I', schema_name, 'microblog_' || stemmed[i][2]);
		EXECUTE format('CREATE TEXT SEARCH DICTIONARY %I.%I (TEMPLATE = snowball, LANGUAGE = %s)', schema_name, 'microblog_' || stemmed[i][2] || '_stem', stemmed[i][2]);
		EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %s (COPY = %s)', configuration, simple_configuration);
		EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s ALTER MAPPING FOR %s WITH unaccent, %I.%I', configuration, word_tokens, schema_name, 'microblog_' || stemmed[i][2] || '_stem');
		languages := languages || format(' WHEN %L THEN %L::regconfig', stemmed[i][1], configuration);
		configurations := configurations || format(', %L::regconfig', configuration);
		CONTINUE WHEN stemmed[i][2] = 'english';
		tags := tags || format(' WHEN %L::regconfig THEN %L', configuration, stemmed[i][2] || ':');
	END LOOP;

	-- The configuration a post of this language is indexed with.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_configuration("language" varchar) RETURNS regconfig
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN CASE WHEN "language" IS NULL THEN %L::regconfig ELSE CASE "language"%s ELSE %L::regconfig END END
	$function$, schema_name, format('%I.microblog_english', schema_name), languages, simple_configuration);

	-- What a configuration's lexemes are tagged with: nothing for English, most posts' language.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_tag("configuration" regconfig) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN CASE "configuration"%s ELSE '' END
	$function$, schema_name, tags);

	-- A query's words as every configuration reads them, each reading tagged, any of them matching;
	-- NULL when no configuration finds a word in it. Costly, so that no plan computes it per row.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_any("query" text) RETURNS tsquery
		LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000
		RETURN (
			SELECT string_agg(DISTINCT '(' || %I.posts_search_tagged("reading"::text, %I.posts_search_tag("configuration")) || ')', ' | ')::tsquery
			FROM unnest(ARRAY[%s]) AS "configuration", to_tsquery("configuration", "query") AS "reading"
			WHERE numnode("reading") > 0
		)
	$function$, schema_name, schema_name, schema_name, configurations);
END
$migration$;
--> statement-breakpoint
-- The words of a body, ASCII punctuation read as spaces first (PostgreSQL's parser would otherwise
-- keep an email address, a URL or "e-mail" as one token, where FTS5 and a searcher see words),
-- tagged with the configuration that read them.
CREATE FUNCTION "posts_search_document"("language" varchar, "body" text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN posts_search_tagged(
	to_tsvector(
		posts_search_configuration("language"),
		translate("body", '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))
	)::text,
	posts_search_tag(posts_search_configuration("language"))
)::tsvector;
--> statement-breakpoint
-- A query (src/db/dialects/postgres/search.ts writes `matching` and `excluding` in tsquery syntax):
-- what must match as some configuration reads it, and what must not match as any reads it. Folded
-- to a constant when the statement is planned, so the planner sees its words.
CREATE FUNCTION "posts_search_query"("matching" text, "excluding" text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
	WHEN "excluding" = '' OR posts_search_any("excluding") IS NULL THEN posts_search_any("matching")
	ELSE posts_search_any("matching") && !! posts_search_any("excluding")
END;
--> statement-breakpoint
-- Computed for the posts that exist as the column is added, and kept by PostgreSQL in the writing
-- transaction ever after, whoever writes.
ALTER TABLE "posts" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (posts_search_document("language", "body")) STORED;
--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search");
