CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`body` text(140) NOT NULL,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`user_id` integer NOT NULL,
	CONSTRAINT `fk_posts_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX `posts_timestamp_id_idx` ON `posts` (`timestamp`,`id`);--> statement-breakpoint
CREATE INDEX `posts_user_id_timestamp_id_idx` ON `posts` (`user_id`,`timestamp`,`id`);