CREATE TYPE "public"."alert_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."alert_source" AS ENUM('conversation', 'child_message', 'walk_in', 'phone');--> statement-breakpoint
CREATE TYPE "public"."front_desk_contact_kind" AS ENUM('walk_in', 'phone');--> statement-breakpoint
CREATE TABLE "alert_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_id" uuid NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"step" integer NOT NULL,
	"user_id" uuid,
	"channel" "alert_channel" NOT NULL,
	"address" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"ack_token_hash" "bytea",
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"source" "alert_source" NOT NULL,
	"conversation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"step" integer DEFAULT 0 NOT NULL,
	"dispatched_step" integer,
	"next_escalation_at" timestamp with time zone NOT NULL,
	"exhausted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "front_desk_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"kind" "front_desk_contact_kind" NOT NULL,
	"note" "bytea",
	"registered_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_staff_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_contacts" ADD CONSTRAINT "front_desk_contacts_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_desk_contacts" ADD CONSTRAINT "front_desk_contacts_registered_by_staff_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_idempotency" ON "alert_deliveries" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_ack_token" ON "alert_deliveries" USING btree ("ack_token_hash");--> statement-breakpoint
CREATE INDEX "alert_deliveries_alert" ON "alert_deliveries" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "alerts_due" ON "alerts" USING btree ("next_escalation_at");--> statement-breakpoint
CREATE INDEX "alerts_municipality_open" ON "alerts" USING btree ("municipality_code","created_at");