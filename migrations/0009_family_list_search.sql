-- The family list's name search (ilike '%…%') goes through trigram indexes. pg_trgm ships with
-- PostgreSQL (contrib, a trusted extension) and with PGlite (loaded by src/server/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "case_task_overdue_idx" ON "case_task" USING btree ("due_on","course_id") WHERE "case_task"."done_at" is null;--> statement-breakpoint
CREATE INDEX "family_current_referral_idx" ON "family" USING btree ("current_referral_id");--> statement-breakpoint
CREATE INDEX "family_name_trgm_idx" ON "family" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_name_trgm_idx" ON "person" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measurement_instrument_version_idx" ON "measurement" USING btree ("instrument_version_id");