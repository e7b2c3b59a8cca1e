CREATE TABLE "business_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_shared_with_parties" boolean DEFAULT false NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_case_version" (
	"business_case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"scenario" jsonb NOT NULL,
	"engine_version" text NOT NULL,
	"accumulated_at_horizon_ore" bigint,
	"payback_years" numeric(8, 3),
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "business_case_version_business_case_id_version_pk" PRIMARY KEY("business_case_id","version")
);
--> statement-breakpoint
CREATE TABLE "price_index" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"year" integer NOT NULL,
	"index_value" numeric(10, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"price_year" integer NOT NULL,
	"municipality_pct" integer DEFAULT 100 NOT NULL,
	"region_pct" integer DEFAULT 0 NOT NULL,
	"state_pct" integer DEFAULT 0 NOT NULL,
	"source_text" text NOT NULL,
	"source_url" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_case" ADD CONSTRAINT "business_case_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_case" ADD CONSTRAINT "business_case_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_case_version" ADD CONSTRAINT "business_case_version_business_case_id_business_case_id_fk" FOREIGN KEY ("business_case_id") REFERENCES "public"."business_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_case_version" ADD CONSTRAINT "business_case_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_index" ADD CONSTRAINT "price_index_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_price" ADD CONSTRAINT "unit_price_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_case_org_idx" ON "business_case" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "business_case_project_idx" ON "business_case" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_index_org_year_uq" ON "price_index" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"year");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_price_org_code_uq" ON "unit_price" USING btree (coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),"code");