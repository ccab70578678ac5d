-- users.post_count, follower_count and following_count: counted once here for the rows that exist,
-- then kept by triggers in the same transaction as every insert, delete or move, whoever writes.
-- The triggers run once per statement over its transition tables: one UPDATE whether a statement
-- writes one row (the API) or thousands (a bulk load).
UPDATE "users" SET
	"post_count" = (SELECT count(*) FROM "posts" WHERE "posts"."user_id" = "users"."id"),
	"follower_count" = (SELECT count(*) FROM "followers" WHERE "followers"."followed_id" = "users"."id"),
	"following_count" = (SELECT count(*) FROM "followers" WHERE "followers"."follower_id" = "users"."id");
--> statement-breakpoint
CREATE FUNCTION "posts_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE "users" SET "post_count" = "post_count" - "gone"."n"
		FROM (SELECT "user_id", count(*) AS "n" FROM "old_rows" GROUP BY "user_id") AS "gone"
		WHERE "users"."id" = "gone"."user_id";
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		UPDATE "users" SET "post_count" = "post_count" + "added"."n"
		FROM (SELECT "user_id", count(*) AS "n" FROM "new_rows" GROUP BY "user_id") AS "added"
		WHERE "users"."id" = "added"."user_id";
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- A follow changes two users: the followed gains (or loses) a follower, the follower a followee.
-- The users are locked in id order first, so that two follows between the same users at once
-- (A follows B while B follows A) wait for each other instead of deadlocking.
CREATE FUNCTION "followers_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM FROM "users"
		WHERE "id" IN (SELECT "follower_id" FROM "old_rows" UNION SELECT "followed_id" FROM "old_rows")
		ORDER BY "id" FOR NO KEY UPDATE;
		UPDATE "users" SET
			"follower_count" = "follower_count" - "gone"."followers",
			"following_count" = "following_count" - "gone"."following"
		FROM (
			SELECT "id", sum("followers") AS "followers", sum("following") AS "following" FROM (
				SELECT "followed_id" AS "id", 1 AS "followers", 0 AS "following" FROM "old_rows"
				UNION ALL SELECT "follower_id", 0, 1 FROM "old_rows"
			) AS "sides" GROUP BY "id"
		) AS "gone"
		WHERE "users"."id" = "gone"."id";
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		PERFORM FROM "users"
		WHERE "id" IN (SELECT "follower_id" FROM "new_rows" UNION SELECT "followed_id" FROM "new_rows")
		ORDER BY "id" FOR NO KEY UPDATE;
		UPDATE "users" SET
			"follower_count" = "follower_count" + "added"."followers",
			"following_count" = "following_count" + "added"."following"
		FROM (
			SELECT "id", sum("followers") AS "followers", sum("following") AS "following" FROM (
				SELECT "followed_id" AS "id", 1 AS "followers", 0 AS "following" FROM "new_rows"
				UNION ALL SELECT "follower_id", 0, 1 FROM "new_rows"
			) AS "sides" GROUP BY "id"
		) AS "added"
		WHERE "users"."id" = "added"."id";
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
