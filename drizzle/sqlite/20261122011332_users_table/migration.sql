CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT,
	`username` text(64) NOT NULL,
	`email` text(120) NOT NULL,
	`password_hash` text(256)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_lower_key` ON `users` (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_lower_key` ON `users` (lower("email"));