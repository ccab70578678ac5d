CREATE TABLE "followers" (
	"follower_id" integer,
	"followed_id" integer,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followers_pkey" PRIMARY KEY("follower_id","followed_id"),
	CONSTRAINT "followers_not_self_check" CHECK ("follower_id" <> "followed_id")
);
--> statement-breakpoint
CREATE INDEX "followers_followed_id_created_at_idx" ON "followers" ("followed_id","created_at","follower_id");--> statement-breakpoint
CREATE INDEX "followers_follower_id_created_at_idx" ON "followers" ("follower_id","created_at","followed_id");--> statement-breakpoint
ALTER TABLE "followers" ADD CONSTRAINT "followers_follower_id_users_id_fkey" FOREIGN KEY ("follower_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "followers" ADD CONSTRAINT "followers_followed_id_users_id_fkey" FOREIGN KEY ("followed_id") REFERENCES "users"("id") ON DELETE CASCADE;