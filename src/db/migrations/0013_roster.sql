CREATE TYPE "public"."roster_role" AS ENUM('on_duty', 'deputy');--> statement-breakpoint
CREATE TABLE "roster_escalation_chain" (
	"municipality_code" varchar(6) NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "roster_escalation_chain_municipality_code_position_pk" PRIMARY KEY("municipality_code","position")
);
--> statement-breakpoint
CREATE TABLE "roster_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"user_id" uuid NOT NULL,
	"replacement_user_id" uuid,
	"starts_local" timestamp NOT NULL,
	"ends_local" timestamp NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_exceptions_period" CHECK ("roster_exceptions"."ends_local" > "roster_exceptions"."starts_local")
);
--> statement-breakpoint
CREATE TABLE "roster_members" (
	"municipality_code" varchar(6) NOT NULL,
	"user_id" uuid NOT NULL,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_members_municipality_code_user_id_pk" PRIMARY KEY("municipality_code","user_id")
);
--> statement-breakpoint
CREATE TABLE "roster_settings" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"escalation_minutes" integer DEFAULT 10 NOT NULL,
	"response_target_minutes" integer DEFAULT 30 NOT NULL,
	"fallback_agreed" text,
	"coverage_override_reason" text,
	"coverage_override_by" uuid,
	"coverage_override_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "roster_role" DEFAULT 'on_duty' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_shifts_weekday" CHECK ("roster_shifts"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "roster_shifts_minutes" CHECK ("roster_shifts"."start_minute" BETWEEN 0 AND 1439 AND "roster_shifts"."end_minute" BETWEEN 0 AND 1439)
);
--> statement-breakpoint
ALTER TABLE "roster_escalation_chain" ADD CONSTRAINT "roster_escalation_chain_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_escalation_chain" ADD CONSTRAINT "roster_escalation_chain_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_replacement_user_id_staff_users_id_fk" FOREIGN KEY ("replacement_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_members" ADD CONSTRAINT "roster_members_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_members" ADD CONSTRAINT "roster_members_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_settings" ADD CONSTRAINT "roster_settings_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_settings" ADD CONSTRAINT "roster_settings_coverage_override_by_staff_users_id_fk" FOREIGN KEY ("coverage_override_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "roster_escalation_chain_user" ON "roster_escalation_chain" USING btree ("municipality_code","user_id");--> statement-breakpoint
CREATE INDEX "roster_exceptions_municipality" ON "roster_exceptions" USING btree ("municipality_code","starts_local");--> statement-breakpoint
CREATE INDEX "roster_shifts_municipality" ON "roster_shifts" USING btree ("municipality_code","weekday");