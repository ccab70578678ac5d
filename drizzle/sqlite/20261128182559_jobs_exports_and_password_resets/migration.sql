CREATE TABLE `password_resets` (
	`user_id` integer PRIMARY KEY,
	`token_hash` text(64) NOT NULL CONSTRAINT `password_resets_token_hash_key` UNIQUE,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	CONSTRAINT `fk_password_resets_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `task_result_chunks` (
	`task_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`body` text NOT NULL,
	CONSTRAINT `task_result_chunks_pk` PRIMARY KEY(`task_id`, `seq`),
	CONSTRAINT `fk_task_result_chunks_task_id_tasks_id_fk` FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`user_id` integer NOT NULL,
	`name` text(32) NOT NULL,
	`description` text(140),
	`progress` integer DEFAULT 0 NOT NULL,
	`complete` integer DEFAULT false NOT NULL,
	`error` text(256),
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`completed_at` integer,
	`done_count` integer DEFAULT 0 NOT NULL,
	`last_timestamp` integer,
	`last_id` integer,
	CONSTRAINT `fk_tasks_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `task_id` integer REFERENCES tasks(id) ON DELETE CASCADE;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_task_id_key` ON `notifications` (`task_id`);--> statement-breakpoint
CREATE INDEX `tasks_user_id_created_at_id_idx` ON `tasks` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_unfinished_key` ON `tasks` (`user_id`,`name`) WHERE "tasks"."complete" = 0 and "tasks"."error" is null;--> statement-breakpoint
CREATE INDEX `tasks_completed_at_idx` ON `tasks` (`completed_at`);