ALTER TABLE `users` ADD `about_me` text(140);--> statement-breakpoint
ALTER TABLE `users` ADD `last_seen` integer;