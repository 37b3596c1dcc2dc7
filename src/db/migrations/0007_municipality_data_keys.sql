CREATE TABLE "municipality_data_keys" (
	"municipality_code" varchar(6) NOT NULL,
	"version" integer NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"master_key_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_data_keys_municipality_code_version_pk" PRIMARY KEY("municipality_code","version")
);
