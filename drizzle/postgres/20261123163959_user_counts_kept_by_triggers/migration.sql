-- users.post_count, follower_count and following_count: counted once here for the rows that exist,
-- then kept by triggers in the same transaction as every insert, delete or move, whoever writes.
-- The triggers run once per statement over its transition tables, so a bulk load of a million
-- posts costs one UPDATE of the users it touches, not a million.
UPDATE "users" SET
	"post_count" = (SELECT count(*) FROM "posts" WHERE "posts"."user_id" = "users"."id"),
	"follower_count" = (SELECT count(*) FROM "followers" WHERE "followers"."followed_id" = "users"."id"),
	"following_count" = (SELECT count(*) FROM "followers" WHERE "followers"."follower_id" = "users"."id");
--> statement-breakpoint
-- Adds to each listed user's counts (the same id may come many times). The rows are locked in id
-- order first, so two statements touching the same users (A follows B while B follows A) wait for
-- each other instead of deadlocking.
CREATE FUNCTION "users_add_counts"("ids" integer[], "posts" integer[], "followers" integer[], "following" integer[])
RETURNS void LANGUAGE sql AS $$
	WITH "change" AS (
		SELECT "id", sum("p") AS "p", sum("fr") AS "fr", sum("fg") AS "fg"
		FROM unnest("ids", "posts", "followers", "following") AS "c"("id", "p", "fr", "fg")
		GROUP BY "id"
	), "locked" AS (
		SELECT "users"."id" FROM "users" JOIN "change" ON "change"."id" = "users"."id"
		ORDER BY "users"."id" FOR NO KEY UPDATE OF "users"
	)
	UPDATE "users" SET
		"post_count" = "users"."post_count" + "change"."p",
		"follower_count" = "users"."follower_count" + "change"."fr",
		"following_count" = "users"."following_count" + "change"."fg"
	FROM "change"
	WHERE "users"."id" = "change"."id" AND "users"."id" IN (SELECT "id" FROM "locked");
$$;
--> statement-breakpoint
CREATE FUNCTION "posts_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM "users_add_counts"("ids", "n", "zero", "zero")
		FROM (SELECT array_agg("user_id") AS "ids", array_agg(-1) AS "n", array_agg(0) AS "zero" FROM "old_rows") AS "gone"
		WHERE "ids" IS NOT NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM "users_add_counts"("ids", "n", "zero", "zero")
		FROM (SELECT array_agg("user_id") AS "ids", array_agg(1) AS "n", array_agg(0) AS "zero" FROM "new_rows") AS "added"
		WHERE "ids" IS NOT NULL;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "followers_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Each follow changes two users: the followed gains (or loses) a follower, the follower a followee.
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM "users_add_counts"("ids", "zero", "followers", "following")
		FROM (
			SELECT array_agg("id") AS "ids", array_agg(0) AS "zero", array_agg("fr") AS "followers", array_agg("fg") AS "following"
			FROM (
				SELECT "followed_id" AS "id", -1 AS "fr", 0 AS "fg" FROM "old_rows"
				UNION ALL SELECT "follower_id", 0, -1 FROM "old_rows"
			) AS "sides"
		) AS "gone"
		WHERE "ids" IS NOT NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM "users_add_counts"("ids", "zero", "followers", "following")
		FROM (
			SELECT array_agg("id") AS "ids", array_agg(0) AS "zero", array_agg("fr") AS "followers", array_agg("fg") AS "following"
			FROM (
				SELECT "followed_id" AS "id", 1 AS "fr", 0 AS "fg" FROM "new_rows"
				UNION ALL SELECT "follower_id", 0, 1 FROM "new_rows"
			) AS "sides"
		) AS "added"
		WHERE "ids" IS NOT NULL;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "posts_count_insert" AFTER INSERT ON "posts" REFERENCING NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "posts_count"();
--> statement-breakpoint
CREATE TRIGGER "posts_count_delete" AFTER DELETE ON "posts" REFERENCING OLD TABLE AS "old_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "posts_count"();
--> statement-breakpoint
CREATE TRIGGER "posts_count_update" AFTER UPDATE ON "posts" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "posts_count"();
--> statement-breakpoint
CREATE TRIGGER "followers_count_insert" AFTER INSERT ON "followers" REFERENCING NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "followers_count"();
--> statement-breakpoint
CREATE TRIGGER "followers_count_delete" AFTER DELETE ON "followers" REFERENCING OLD TABLE AS "old_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "followers_count"();
--> statement-breakpoint
CREATE TRIGGER "followers_count_update" AFTER UPDATE ON "followers" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
	FOR EACH STATEMENT EXECUTE FUNCTION "followers_count"();
