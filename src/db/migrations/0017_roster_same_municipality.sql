-- Roster rows may only name staff of their own municipality (foreign-key checks bypass row-level security).
ALTER TABLE "roster_escalation_chain" DROP CONSTRAINT "roster_escalation_chain_user_id_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "roster_exceptions" DROP CONSTRAINT "roster_exceptions_user_id_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "roster_exceptions" DROP CONSTRAINT "roster_exceptions_replacement_user_id_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "roster_members" DROP CONSTRAINT "roster_members_user_id_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "roster_shifts" DROP CONSTRAINT "roster_shifts_user_id_staff_users_id_fk";
--> statement-breakpoint
ALTER TABLE "roster_escalation_chain" ADD CONSTRAINT "roster_escalation_chain_user_same_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_user_same_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_exceptions" ADD CONSTRAINT "roster_exceptions_replacement_same_municipality" FOREIGN KEY ("replacement_user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_members" ADD CONSTRAINT "roster_members_user_same_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_user_same_municipality" FOREIGN KEY ("user_id","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE cascade ON UPDATE no action;