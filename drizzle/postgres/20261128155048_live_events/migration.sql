-- Live events: each write that a subscriber may wait for announces itself with NOTIFY on the
-- channel `microblog_events`, in the writing transaction, whoever writes. PostgreSQL delivers a
-- notification only when its transaction commits (in commit order), and never one whose
-- transaction rolled back. Payloads are ids, never rows: ["post", id, author], ["message", id,
-- recipient], ["notification", id, user], ["follow" | "unfollow", follower, followed]; listeners
-- read the rows they need. A bulk load sets microblog.live_events to 'off' for its transaction:
-- loading a million rows is not a million events.
CREATE FUNCTION "live_events"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF coalesce(current_setting('microblog.live_events', true), '') = 'off' THEN
		RETURN NULL;
	END IF;
	IF TG_TABLE_NAME = 'posts' THEN
		PERFORM pg_notify('microblog_events', json_build_array('post', "id", "user_id")::text) FROM "new_rows";
	ELSIF TG_TABLE_NAME = 'messages' THEN
		PERFORM pg_notify('microblog_events', json_build_array('message', "id", "recipient_id")::text) FROM "new_rows";
	ELSIF TG_TABLE_NAME = 'notifications' THEN
		PERFORM pg_notify('microblog_events', json_build_array('notification', "id", "user_id")::text) FROM "new_rows";
	ELSIF TG_TABLE_NAME = 'followers' AND TG_OP = 'INSERT' THEN
		PERFORM pg_notify('microblog_events', json_build_array('follow', "follower_id", "followed_id")::text) FROM "new_rows";
	ELSIF TG_TABLE_NAME = 'followers' AND TG_OP = 'DELETE' THEN
		PERFORM pg_notify('microblog_events', json_build_array('unfollow', "follower_id", "followed_id")::text) FROM "old_rows";
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "posts_live_events" AFTER INSERT ON "posts" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "live_events"();
--> statement-breakpoint
CREATE TRIGGER "messages_live_events" AFTER INSERT ON "messages" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "live_events"();
--> statement-breakpoint
CREATE TRIGGER "notifications_live_events" AFTER INSERT ON "notifications" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "live_events"();
--> statement-breakpoint
CREATE TRIGGER "followers_follow_events" AFTER INSERT ON "followers" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "live_events"();
--> statement-breakpoint
CREATE TRIGGER "followers_unfollow_events" AFTER DELETE ON "followers" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "live_events"();
