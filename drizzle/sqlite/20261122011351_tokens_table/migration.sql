CREATE TABLE `tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`token_hash` text(64) NOT NULL CONSTRAINT `tokens_token_hash_key` UNIQUE,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	CONSTRAINT `fk_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX `tokens_user_id_idx` ON `tokens` (`user_id`);