-- Children writing online share one running alert per municipality (grouped): the unique index lets a
-- burst of children raise exactly one (the others' inserts wait for the first commit and do nothing).
-- A conversation records the grouped alert of the child's latest message, so an alert counts them.
-- Alerts from before stay ungrouped and run out as they were.
ALTER TABLE "conversations" ADD COLUMN "alert_id" uuid;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "grouped" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "conversations_alert" ON "conversations" USING btree ("alert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_grouped_running" ON "alerts" USING btree ("municipality_code") WHERE "alerts"."grouped" AND "alerts"."acknowledged_at" IS NULL AND "alerts"."exhausted_at" IS NULL;