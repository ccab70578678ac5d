ALTER TABLE "users" ADD COLUMN "avatar_hash" varchar(32);--> statement-breakpoint
-- Existing users' keys, as the application computes them (emails are stored lowercased already).
UPDATE "users" SET "avatar_hash" = md5(lower("email")) WHERE "avatar_hash" IS NULL;
