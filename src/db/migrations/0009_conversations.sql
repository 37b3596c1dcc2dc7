CREATE TYPE "public"."age_range" AS ENUM('under_12', '12_15', '16_18', 'over_18');--> statement-breakpoint
CREATE TYPE "public"."contact_preference" AS ENUM('code', 'phone', 'email');--> statement-breakpoint
CREATE TYPE "public"."conversation_status" AS ENUM('new', 'open', 'waiting', 'closed');--> statement-breakpoint
CREATE TYPE "public"."message_author" AS ENUM('child', 'staff');--> statement-breakpoint
CREATE TABLE "conversation_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"author" "message_author" NOT NULL,
	"author_user_id" uuid,
	"body" "bytea" NOT NULL,
	"submission_hash" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_messages_author" CHECK (("conversation_messages"."author" = 'staff') = ("conversation_messages"."author_user_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "conversation_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"conversation_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_reads" (
	"conversation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_reads_conversation_id_user_id_pk" PRIMARY KEY("conversation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"code_hash" "bytea" NOT NULL,
	"status" "conversation_status" DEFAULT 'new' NOT NULL,
	"child_name" "bytea",
	"age_range" "age_range",
	"contact_preference" "contact_preference" DEFAULT 'code' NOT NULL,
	"contact_detail" "bytea",
	"assigned_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_child_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_staff_reply_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "conversations_id_municipality" UNIQUE("id","municipality_code"),
	CONSTRAINT "conversations_contact_detail" CHECK (("conversations"."contact_preference" = 'code') = ("conversations"."contact_detail" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "municipality_conversation_settings" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"reply_within_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_settings_reply_hours" CHECK ("municipality_conversation_settings"."reply_within_hours" BETWEEN 1 AND 168)
);
--> statement-breakpoint
CREATE TABLE "public_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_conversation_municipality" FOREIGN KEY ("conversation_id","municipality_code") REFERENCES "public"."conversations"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD CONSTRAINT "conversation_messages_author_same_municipality" FOREIGN KEY ("author_user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_conversation_municipality" FOREIGN KEY ("conversation_id","municipality_code") REFERENCES "public"."conversations"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_author_same_municipality" FOREIGN KEY ("author_user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_municipality" FOREIGN KEY ("conversation_id","municipality_code") REFERENCES "public"."conversations"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_same_municipality" FOREIGN KEY ("assigned_user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_conversation_settings" ADD CONSTRAINT "municipality_conversation_settings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_messages_conversation" ON "conversation_messages" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_messages_submission" ON "conversation_messages" USING btree ("submission_hash");--> statement-breakpoint
CREATE INDEX "conversation_notes_conversation" ON "conversation_notes" USING btree ("conversation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_code_hash" ON "conversations" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "conversations_inbox" ON "conversations" USING btree ("municipality_code","status","last_child_message_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "public_throttle_window" ON "public_throttle" USING btree ("window_started_at");