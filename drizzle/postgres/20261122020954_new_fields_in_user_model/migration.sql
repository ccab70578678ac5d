ALTER TABLE "users" ADD COLUMN "about_me" varchar(140);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_seen" timestamp(3) with time zone;