CREATE TABLE "password_resets" (
	"user_id" integer PRIMARY KEY,
	"token_hash" varchar(64) NOT NULL CONSTRAINT "password_resets_token_hash_key" UNIQUE,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp(3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_result_chunks" (
	"task_id" integer,
	"seq" integer,
	"body" text NOT NULL,
	CONSTRAINT "task_result_chunks_pkey" PRIMARY KEY("task_id","seq")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" varchar(32) NOT NULL,
	"description" varchar(140),
	"progress" integer DEFAULT 0 NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"error" varchar(256),
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp(3) with time zone,
	"done_count" integer DEFAULT 0 NOT NULL,
	"last_timestamp" timestamp(3) with time zone,
	"last_id" integer
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "task_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_task_id_key" ON "notifications" ("task_id");--> statement-breakpoint
CREATE INDEX "tasks_user_id_created_at_id_idx" ON "tasks" ("user_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_unfinished_key" ON "tasks" ("user_id","name") WHERE "complete" = false and "error" is null;--> statement-breakpoint
CREATE INDEX "tasks_completed_at_idx" ON "tasks" ("completed_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "task_result_chunks" ADD CONSTRAINT "task_result_chunks_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE;