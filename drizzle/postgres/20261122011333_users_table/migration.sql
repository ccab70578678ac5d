CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" varchar(64) NOT NULL,
	"email" varchar(120) NOT NULL,
	"password_hash" varchar(256)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" ((lower("username") collate "C"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" ((lower("email") collate "C"));