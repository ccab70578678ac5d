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
	tag text;
	-- The configurations in order, simple first, as regconfig constants (so that PostgreSQL knows
	-- the functions below depend on them), with the tag of each one's lexemes and its reading of "query".
	configurations text := format('%L::regconfig', simple_configuration);
	tags text := quote_literal('simple:');
	readings text := format('%I.posts_search_tagged(to_tsquery(%L::regconfig, "query")::text, %L)', schema_name, simple_configuration, 'simple:');
	position integer := 1;
	english_position integer;
	-- WHEN language THEN its configuration's position, for the stemmed languages.
	languages text := '';
BEGIN
	EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %s (COPY = pg_catalog.simple)', simple_configuration);
	EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s ALTER MAPPING FOR %s, numword, numhword, hword_numpart WITH unaccent, simple', simple_configuration, word_tokens);
	FOR i IN 1 .. array_length(stemmed, 1) LOOP
		-- A language this server's snowball has no stemmer for is left to `simple`.
		CONTINUE WHEN NOT EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgname = stemmed[i][2] AND cfgnamespace = 'pg_catalog'::regnamespace);
		position := position + 1;
		configuration := format('%I.%I', schema_name, 'microblog_' || stemmed[i][2]);
		-- English, the language of most posts (and of those whose language is unknown), goes untagged.
		tag := CASE WHEN stemmed[i][2] = 'english' THEN '' ELSE stemmed[i][2] || ':' END;
		IF tag = '' THEN english_position := position; END IF;
		EXECUTE format('CREATE TEXT SEARCH DICTIONARY %I.%I (TEMPLATE = snowball, LANGUAGE = %s)', schema_name, 'microblog_' || stemmed[i][2] || '_stem', stemmed[i][2]);
		EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %s (COPY = %s)', configuration, simple_configuration);
		EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %s ALTER MAPPING FOR %s WITH unaccent, %I.%I', configuration, word_tokens, schema_name, 'microblog_' || stemmed[i][2] || '_stem');
		configurations := configurations || format(', %L::regconfig', configuration);
		tags := tags || ', ' || quote_literal(tag);
		readings := readings || format(', %I.posts_search_tagged(to_tsquery(%L::regconfig, "query")::text, %L)', schema_name, configuration, tag);
		languages := languages || format(' WHEN %L THEN %s', stemmed[i][1], position);
	END LOOP;

	-- The position of the configuration a post of this language is indexed with: English's when
	-- the language is unknown, simple's (1) when PostgreSQL has no stemmer for it.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_position("language" varchar) RETURNS integer
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN CASE WHEN "language" IS NULL THEN %s ELSE CASE "language"%s ELSE 1 END END
	$function$, schema_name, english_position, languages);

	-- The configuration a post of this language is indexed with.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_configuration("language" varchar) RETURNS regconfig
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN (ARRAY[%s])[%I.posts_search_position("language")]
	$function$, schema_name, configurations, schema_name);

	-- What the lexemes of a post of this language are tagged with.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_tag("language" varchar) RETURNS text
		LANGUAGE sql IMMUTABLE PARALLEL SAFE
		RETURN (ARRAY[%s])[%I.posts_search_position("language")]
	$function$, schema_name, tags, schema_name);

	-- A query's words as each configuration reads them, tagged, in the order above (an empty query
	-- where a configuration finds no word). Costly, so that no plan computes it per row.
	EXECUTE format($function$
		CREATE FUNCTION %I.posts_search_readings("query" text) RETURNS tsquery[]
		LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000
		RETURN ARRAY[%s]::tsquery[]
	$function$, schema_name, readings);
END
$migration$;
--> statement-breakpoint
-- A query's words as any configuration reads them, each post meeting only its own configuration's
-- reading (they are tagged alike); NULL when no configuration finds a word in it.
CREATE FUNCTION "posts_search_any"("query" text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000
RETURN (
	SELECT string_agg(DISTINCT '(' || "reading"::text || ')', ' | ')::tsquery
	FROM unnest(posts_search_readings("query")) AS "reading"
	WHERE numnode("reading") > 0
);
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
	posts_search_tag("language")
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
