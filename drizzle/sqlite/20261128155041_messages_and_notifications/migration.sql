CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`sender_id` integer NOT NULL,
	`recipient_id` integer NOT NULL,
	`body` text(140) NOT NULL,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	CONSTRAINT `fk_messages_sender_id_users_id_fk` FOREIGN KEY (`sender_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_messages_recipient_id_users_id_fk` FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`user_id` integer NOT NULL,
	`kind` text(32) NOT NULL,
	`timestamp` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`count` integer,
	`follower_id` integer,
	CONSTRAINT `fk_notifications_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_notifications_follower_id_users_id_fk` FOREIGN KEY (`follower_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
ALTER TABLE `users` ADD `unread_message_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `messages_recipient_id_timestamp_id_idx` ON `messages` (`recipient_id`,`timestamp`,`id`);--> statement-breakpoint
CREATE INDEX `messages_sender_id_recipient_id_timestamp_id_idx` ON `messages` (`sender_id`,`recipient_id`,`timestamp`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_id_id_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_timestamp_idx` ON `notifications` (`timestamp`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_unread_messages_key` ON `notifications` (`user_id`) WHERE "notifications"."kind" = 'unread_messages';--> statement-breakpoint
CREATE INDEX `notifications_follower_id_idx` ON `notifications` (`follower_id`);