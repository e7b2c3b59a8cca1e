CREATE TABLE "contract_acceptance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"party_organisation_id" uuid NOT NULL,
	"accepted_by_name" text NOT NULL,
	"accepted_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_version" (
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"terms" jsonb NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_version_contract_id_version_pk" PRIMARY KEY("contract_id","version")
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"booked_on" date NOT NULL,
	"statement_id" uuid,
	"idempotency_key" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_statement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period_id" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"settlement_date" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"adjusts_statement_id" uuid,
	"settlement" jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_ore" bigint NOT NULL,
	"engine_version" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"event" text NOT NULL,
	"party_organisation_id" uuid,
	"by_user_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_acceptance" ADD CONSTRAINT "contract_acceptance_contract_id_outcome_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."outcome_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptance" ADD CONSTRAINT "contract_acceptance_party_organisation_id_organisation_id_fk" FOREIGN KEY ("party_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_acceptance" ADD CONSTRAINT "contract_acceptance_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_contract_id_outcome_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."outcome_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_contract_id_outcome_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."outcome_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_from_organisation_id_organisation_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_to_organisation_id_organisation_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_statement_id_settlement_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."settlement_statement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_contract" ADD CONSTRAINT "outcome_contract_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_contract" ADD CONSTRAINT "outcome_contract_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_contract" ADD CONSTRAINT "outcome_contract_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_statement" ADD CONSTRAINT "settlement_statement_contract_id_outcome_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."outcome_contract"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_statement" ADD CONSTRAINT "settlement_statement_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_event" ADD CONSTRAINT "statement_event_statement_id_settlement_statement_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."settlement_statement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_event" ADD CONSTRAINT "statement_event_party_organisation_id_organisation_id_fk" FOREIGN KEY ("party_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_event" ADD CONSTRAINT "statement_event_by_user_id_app_user_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_acceptance_party_uq" ON "contract_acceptance" USING btree ("contract_id","version","party_organisation_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_contract_idx" ON "ledger_entry" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_idempotency_uq" ON "ledger_entry" USING btree ("contract_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_statement_uq" ON "ledger_entry" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "outcome_contract_project_idx" ON "outcome_contract" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "settlement_statement_contract_idx" ON "settlement_statement" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_statement_period_uq" ON "settlement_statement" USING btree ("contract_id","period_id") WHERE "settlement_statement"."kind" <> 'adjustment';--> statement-breakpoint
CREATE INDEX "statement_event_statement_idx" ON "statement_event" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_event_approval_uq" ON "statement_event" USING btree ("statement_id","party_organisation_id") WHERE "statement_event"."event" = 'approved';--> statement-breakpoint
-- Versions, acceptances, statement events and the ledger are append-only: a change is a new row.
CREATE TRIGGER contract_version_no_update BEFORE UPDATE OR DELETE ON contract_version
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER contract_acceptance_no_update BEFORE UPDATE OR DELETE ON contract_acceptance
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER statement_event_no_update BEFORE UPDATE OR DELETE ON statement_event
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
-- A locked statement never changes and no statement is ever deleted; a correction is a new adjusting
-- statement that refers to the locked one.
CREATE OR REPLACE FUNCTION settlement_statement_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.state <> 'locked' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'settlement_statement % is locked', OLD.id USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER settlement_statement_locked BEFORE UPDATE OR DELETE ON settlement_statement
  FOR EACH ROW EXECUTE FUNCTION settlement_statement_guard();
--> statement-breakpoint
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_amount_ck CHECK (amount_ore > 0);
--> statement-breakpoint
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_ck
  CHECK (kind IN ('disbursement', 'repayment', 'adjustment'));
--> statement-breakpoint
ALTER TABLE settlement_statement ADD CONSTRAINT settlement_statement_state_ck
  CHECK (state IN ('draft', 'validated', 'approved', 'locked'));
