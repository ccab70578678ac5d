-- users.post_count, follower_count and following_count: counted once here for the rows that exist,
-- then kept by triggers in the same transaction as every insert or delete, whoever writes.
UPDATE `users` SET
	`post_count` = (SELECT count(*) FROM `posts` WHERE `posts`.`user_id` = `users`.`id`),
	`follower_count` = (SELECT count(*) FROM `followers` WHERE `followers`.`followed_id` = `users`.`id`),
	`following_count` = (SELECT count(*) FROM `followers` WHERE `followers`.`follower_id` = `users`.`id`);
--> statement-breakpoint
CREATE TRIGGER `posts_count_insert` AFTER INSERT ON `posts` BEGIN
	UPDATE `users` SET `post_count` = `post_count` + 1 WHERE `id` = NEW.`user_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_count_delete` AFTER DELETE ON `posts` BEGIN
	UPDATE `users` SET `post_count` = `post_count` - 1 WHERE `id` = OLD.`user_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_count_update` AFTER UPDATE OF `user_id` ON `posts` WHEN OLD.`user_id` <> NEW.`user_id` BEGIN
	UPDATE `users` SET `post_count` = `post_count` - 1 WHERE `id` = OLD.`user_id`;
	UPDATE `users` SET `post_count` = `post_count` + 1 WHERE `id` = NEW.`user_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `followers_count_insert` AFTER INSERT ON `followers` BEGIN
	UPDATE `users` SET `follower_count` = `follower_count` + 1 WHERE `id` = NEW.`followed_id`;
	UPDATE `users` SET `following_count` = `following_count` + 1 WHERE `id` = NEW.`follower_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `followers_count_delete` AFTER DELETE ON `followers` BEGIN
	UPDATE `users` SET `follower_count` = `follower_count` - 1 WHERE `id` = OLD.`followed_id`;
	UPDATE `users` SET `following_count` = `following_count` - 1 WHERE `id` = OLD.`follower_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `followers_count_update` AFTER UPDATE OF `follower_id`, `followed_id` ON `followers` BEGIN
	UPDATE `users` SET `follower_count` = `follower_count` - 1 WHERE `id` = OLD.`followed_id`;
	UPDATE `users` SET `following_count` = `following_count` - 1 WHERE `id` = OLD.`follower_id`;
	UPDATE `users` SET `follower_count` = `follower_count` + 1 WHERE `id` = NEW.`followed_id`;
	UPDATE `users` SET `following_count` = `following_count` + 1 WHERE `id` = NEW.`follower_id`;
END;
