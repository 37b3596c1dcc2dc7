CREATE TYPE "public"."application_status" AS ENUM('submitted', 'email_verified', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."sticker_order_status" AS ENUM('requested', 'approved', 'shipped', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."testimonial_status" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
CREATE TABLE "enrolment_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_role" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"pledge_accepted_at" timestamp with time zone NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"email_token_hash" char(64),
	"email_token_expires_at" timestamp with time zone,
	"email_verified_at" timestamp with time zone,
	"phone_check_note" text,
	"phone_checked_at" timestamp with time zone,
	"phone_checked_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_appearance" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"accent_colour" char(7),
	"logo" "bytea",
	"logo_type" text,
	"languages" text[] DEFAULT ARRAY['nl']::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appearance_accent_colour" CHECK ("municipality_appearance"."accent_colour" IS NULL OR "municipality_appearance"."accent_colour" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "appearance_logo_type" CHECK (("municipality_appearance"."logo" IS NULL) = ("municipality_appearance"."logo_type" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "qr_visits" (
	"municipality_code" varchar(6) NOT NULL,
	"month" date NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qr_visits_municipality_code_month_pk" PRIMARY KEY("municipality_code","month")
);
--> statement-breakpoint
CREATE TABLE "readiness_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readiness_items_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "readiness_progress" (
	"municipality_code" varchar(6) NOT NULL,
	"item_id" uuid NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"done_by" uuid NOT NULL,
	"note" text,
	"photo" "bytea",
	"photo_type" text,
	CONSTRAINT "readiness_progress_municipality_code_item_id_pk" PRIMARY KEY("municipality_code","item_id"),
	CONSTRAINT "readiness_photo_type" CHECK (("readiness_progress"."photo" IS NULL) = ("readiness_progress"."photo_type" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "sticker_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"stickers" integer DEFAULT 0 NOT NULL,
	"posters" integer DEFAULT 0 NOT NULL,
	"delivery_address" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"contact_email" text NOT NULL,
	"status" "sticker_order_status" DEFAULT 'requested' NOT NULL,
	"ordered_by" uuid NOT NULL,
	"status_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sticker_orders_quantity" CHECK ("sticker_orders"."stickers" BETWEEN 0 AND 10000 AND "sticker_orders"."posters" BETWEEN 0 AND 1000
      AND "sticker_orders"."stickers" + "sticker_orders"."posters" > 0)
);
--> statement-breakpoint
CREATE TABLE "testimonials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"mayor_name" text NOT NULL,
	"quote" text NOT NULL,
	"photo" "bytea",
	"photo_type" text,
	"photo_consent" text,
	"publish_from" date NOT NULL,
	"publish_until" date,
	"status" "testimonial_status" DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "testimonials_photo_consent" CHECK ("testimonials"."photo" IS NULL OR "testimonials"."photo_consent" IS NOT NULL),
	CONSTRAINT "testimonials_photo_type" CHECK (("testimonials"."photo" IS NULL) = ("testimonials"."photo_type" IS NULL)),
	CONSTRAINT "testimonials_period" CHECK ("testimonials"."publish_until" IS NULL OR "testimonials"."publish_until" >= "testimonials"."publish_from")
);
--> statement-breakpoint
CREATE TABLE "toolkit_page_versions" (
	"slug" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body_markdown" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toolkit_page_versions_slug_version_pk" PRIMARY KEY("slug","version")
);
--> statement-breakpoint
CREATE TABLE "toolkit_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"current_version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolment_applications" ADD CONSTRAINT "enrolment_applications_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_applications" ADD CONSTRAINT "enrolment_applications_phone_checked_by_staff_users_id_fk" FOREIGN KEY ("phone_checked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_applications" ADD CONSTRAINT "enrolment_applications_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_appearance" ADD CONSTRAINT "municipality_appearance_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qr_visits" ADD CONSTRAINT "qr_visits_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_progress" ADD CONSTRAINT "readiness_progress_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_progress" ADD CONSTRAINT "readiness_progress_item_id_readiness_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."readiness_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_progress" ADD CONSTRAINT "readiness_progress_user_same_municipality" FOREIGN KEY ("done_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sticker_orders" ADD CONSTRAINT "sticker_orders_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sticker_orders" ADD CONSTRAINT "sticker_orders_user_same_municipality" FOREIGN KEY ("ordered_by","municipality_code") REFERENCES "public"."staff_users"("id","municipality_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testimonials" ADD CONSTRAINT "testimonials_published_by_staff_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_page_versions" ADD CONSTRAINT "toolkit_page_versions_slug_toolkit_pages_slug_fk" FOREIGN KEY ("slug") REFERENCES "public"."toolkit_pages"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toolkit_page_versions" ADD CONSTRAINT "toolkit_page_versions_edited_by_staff_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enrolment_applications_status" ON "enrolment_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_applications_email_token" ON "enrolment_applications" USING btree ("email_token_hash");--> statement-breakpoint
CREATE INDEX "sticker_orders_municipality" ON "sticker_orders" USING btree ("municipality_code","created_at");--> statement-breakpoint
CREATE INDEX "testimonials_published" ON "testimonials" USING btree ("status","publish_from");