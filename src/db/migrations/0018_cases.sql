CREATE TYPE "public"."case_event_kind" AS ENUM('created', 'note', 'call', 'status', 'assignment', 'consent', 'meldcode', 'referral', 'classification', 'task', 'break_glass', 'export', 'legal_hold');--> statement-breakpoint
CREATE TYPE "public"."case_origin" AS ENUM('conversation', 'walk_in', 'phone', 'manual');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('new', 'in_progress', 'referred', 'follow_up', 'closed');--> statement-breakpoint
CREATE TYPE "public"."child_consent" AS ENUM('not_asked', 'given', 'refused');--> statement-breakpoint
CREATE TYPE "public"."referral_kind" AS ENUM('veilig_thuis_advice', 'veilig_thuis_report', 'police', 'kindertelefoon', 'wijkteam', 'zorg_veiligheidshuis', 'gp', 'directory');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('prepared', 'sent', 'confirmed', 'feedback_received');--> statement-breakpoint
CREATE TABLE "case_access_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" "bytea" NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_assignees" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_assignees_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_deletions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"origin" "case_origin" NOT NULL,
	"category" varchar(40),
	"outcome" varchar(40),
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone NOT NULL,
	"rule" varchar(20) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"kind" "case_event_kind" NOT NULL,
	"actor_user_id" uuid,
	"body" "bytea",
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_keys" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"title" "bytea" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee_user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"origin" "case_origin" NOT NULL,
	"conversation_id" uuid,
	"front_desk_contact_id" uuid,
	"status" "case_status" DEFAULT 'new' NOT NULL,
	"summary" "bytea",
	"category" varchar(40),
	"subcategory" varchar(60),
	"outcome" varchar(40),
	"child_consent" "child_consent" DEFAULT 'not_asked' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"stale_flagged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"destroy_after" timestamp with time zone,
	"legal_hold_since" timestamp with time zone,
	"legal_hold_reason" text,
	CONSTRAINT "cases_id_municipality" UNIQUE("id","municipality_code"),
	CONSTRAINT "cases_closed" CHECK (("cases"."status" = 'closed') = ("cases"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "meldcode_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"step" smallint NOT NULL,
	"answers" "bytea" NOT NULL,
	"decision" varchar(40) NOT NULL,
	"reason" "bytea",
	"departs_from_default" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meldcode_decisions_step" CHECK ("meldcode_decisions"."step" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "municipality_case_settings" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"retention_months_referred" integer DEFAULT 240 NOT NULL,
	"retention_months_other" integer DEFAULT 60 NOT NULL,
	"stale_after_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_settings_retention_referred" CHECK ("municipality_case_settings"."retention_months_referred" BETWEEN 1 AND 1200),
	CONSTRAINT "case_settings_retention_other" CHECK ("municipality_case_settings"."retention_months_other" BETWEEN 1 AND 1200),
	CONSTRAINT "case_settings_stale" CHECK ("municipality_case_settings"."stale_after_days" BETWEEN 1 AND 365)
);
--> statement-breakpoint
CREATE TABLE "referral_parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"phone" text,
	"email" text,
	"hours" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_parties_id_municipality" UNIQUE("id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"kind" "referral_kind" NOT NULL,
	"party_id" uuid,
	"recipient_name" text NOT NULL,
	"summary" "bytea",
	"status" "referral_status" DEFAULT 'prepared' NOT NULL,
	"link_token_hash" "bytea",
	"link_expires_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"feedback" "bytea",
	"feedback_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_user_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignees" ADD CONSTRAINT "case_assignees_assigned_by_staff_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignees" ADD CONSTRAINT "case_assignees_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignees" ADD CONSTRAINT "case_assignees_user_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_deletions" ADD CONSTRAINT "case_deletions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_staff_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_keys" ADD CONSTRAINT "case_keys_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_done_by_staff_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_assignee_municipality" FOREIGN KEY ("assignee_user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_front_desk_contact_id_front_desk_contacts_id_fk" FOREIGN KEY ("front_desk_contact_id") REFERENCES "public"."front_desk_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldcode_decisions" ADD CONSTRAINT "meldcode_decisions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldcode_decisions" ADD CONSTRAINT "meldcode_decisions_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_case_settings" ADD CONSTRAINT "municipality_case_settings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_parties" ADD CONSTRAINT "referral_parties_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_municipality" FOREIGN KEY ("case_id","municipality_code") REFERENCES "public"."cases"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_party_municipality" FOREIGN KEY ("party_id","municipality_code") REFERENCES "public"."referral_parties"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_grants_case_user" ON "case_access_grants" USING btree ("case_id","user_id","expires_at");--> statement-breakpoint
CREATE INDEX "case_assignees_user" ON "case_assignees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_deletions_municipality" ON "case_deletions" USING btree ("municipality_code","destroyed_at");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case" ON "case_tasks" USING btree ("case_id","due_at");--> statement-breakpoint
CREATE INDEX "case_tasks_open_due" ON "case_tasks" USING btree ("due_at") WHERE "case_tasks"."done_at" IS NULL;--> statement-breakpoint
CREATE INDEX "cases_municipality_status" ON "cases" USING btree ("municipality_code","status","last_activity_at");--> statement-breakpoint
CREATE INDEX "cases_destroy_after" ON "cases" USING btree ("destroy_after");--> statement-breakpoint
CREATE INDEX "cases_conversation" ON "cases" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "meldcode_decisions_case" ON "meldcode_decisions" USING btree ("case_id","step","decided_at");--> statement-breakpoint
CREATE INDEX "referral_parties_municipality" ON "referral_parties" USING btree ("municipality_code","active");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_link_token" ON "referrals" USING btree ("link_token_hash");--> statement-breakpoint
CREATE INDEX "referrals_case" ON "referrals" USING btree ("case_id","created_at");