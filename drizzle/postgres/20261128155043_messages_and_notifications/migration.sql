CREATE TABLE "messages" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sender_id" integer NOT NULL,
	"recipient_id" integer NOT NULL,
	"body" varchar(140) NOT NULL,
	"timestamp" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"kind" varchar(32) NOT NULL,
	"timestamp" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"count" integer,
	"follower_id" integer
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unread_message_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_recipient_id_timestamp_id_idx" ON "messages" ("recipient_id","timestamp","id");--> statement-breakpoint
CREATE INDEX "messages_sender_id_recipient_id_timestamp_id_idx" ON "messages" ("sender_id","recipient_id","timestamp","id");--> statement-breakpoint
CREATE INDEX "notifications_user_id_id_idx" ON "notifications" ("user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_timestamp_idx" ON "notifications" ("timestamp");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_unread_messages_key" ON "notifications" ("user_id") WHERE "kind" = 'unread_messages';--> statement-breakpoint
CREATE INDEX "notifications_follower_id_idx" ON "notifications" ("follower_id");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_recipient_id_users_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_follower_id_users_id_fkey" FOREIGN KEY ("follower_id") REFERENCES "users"("id") ON DELETE CASCADE;