CREATE TABLE `followers` (
	`follower_id` integer NOT NULL,
	`followed_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT `followers_pk` PRIMARY KEY(`follower_id`, `followed_id`),
	CONSTRAINT `fk_followers_follower_id_users_id_fk` FOREIGN KEY (`follower_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_followers_followed_id_users_id_fk` FOREIGN KEY (`followed_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT "followers_not_self_check" CHECK("follower_id" <> "followed_id")
);
--> statement-breakpoint
CREATE INDEX `followers_followed_id_created_at_idx` ON `followers` (`followed_id`,`created_at`,`follower_id`);--> statement-breakpoint
CREATE INDEX `followers_follower_id_created_at_idx` ON `followers` (`follower_id`,`created_at`,`followed_id`);