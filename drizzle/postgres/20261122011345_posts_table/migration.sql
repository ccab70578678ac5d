CREATE TABLE "posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"body" varchar(140) NOT NULL,
	"timestamp" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"user_id" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "posts_timestamp_id_idx" ON "posts" ("timestamp","id");--> statement-breakpoint
CREATE INDEX "posts_user_id_timestamp_id_idx" ON "posts" ("user_id","timestamp","id");--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;