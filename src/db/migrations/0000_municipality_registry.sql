CREATE TYPE "public"."participation_state" AS ENUM('not_participating', 'enrolled', 'active', 'paused');--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"search_key" text NOT NULL,
	"province_code" varchar(4) NOT NULL,
	"province_name" text NOT NULL,
	"ended_on" date,
	"successor_code" varchar(6),
	"participation" "participation_state" DEFAULT 'not_participating' NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug"),
	CONSTRAINT "municipalities_code_format" CHECK ("municipalities"."code" ~ '^GM[0-9]{4}$'),
	CONSTRAINT "municipalities_successor_only_when_ended" CHECK ("municipalities"."successor_code" IS NULL OR "municipalities"."ended_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "municipality_aliases" (
	"search_key" text NOT NULL,
	"label" text NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	CONSTRAINT "municipality_aliases_search_key_municipality_code_pk" PRIMARY KEY("search_key","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "municipality_boundaries" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"geometry" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipality_contact_routes" (
	"municipality_code" varchar(6) PRIMARY KEY NOT NULL,
	"visit_address" text,
	"visit_hours" text,
	"phone" text,
	"email" text,
	"confidential_adviser_name" text,
	"confidential_adviser_phone" text,
	"confidential_adviser_email" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_areas" (
	"pc4" char(4) PRIMARY KEY NOT NULL,
	"municipality_code" varchar(6) NOT NULL,
	"share" numeric(5, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"dataset" text PRIMARY KEY NOT NULL,
	"sha256" char(64) NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_successor_code_municipalities_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_aliases" ADD CONSTRAINT "municipality_aliases_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_boundaries" ADD CONSTRAINT "municipality_boundaries_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_contact_routes" ADD CONSTRAINT "municipality_contact_routes_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_areas" ADD CONSTRAINT "postcode_areas_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "postcode_areas_municipality" ON "postcode_areas" USING btree ("municipality_code");