-- Measurements are append-only. The one change allowed is the link a correction leaves on the row it
-- corrects: superseded_by_id, set once from null; every other column stays as recorded.
CREATE OR REPLACE FUNCTION measurement_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.superseded_by_id IS NULL AND NEW.superseded_by_id IS NOT NULL
     AND (to_jsonb(NEW) - 'superseded_by_id') = (to_jsonb(OLD) - 'superseded_by_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'measurement is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER measurement_append_only BEFORE UPDATE OR DELETE ON measurement
  FOR EACH ROW EXECUTE FUNCTION measurement_guard();
--> statement-breakpoint
-- An instrument version that has scored a measurement never changes (a new version succeeds it); no
-- version is ever deleted.
CREATE OR REPLACE FUNCTION instrument_version_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM measurement WHERE instrument_version_id = OLD.id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'instrument_version % is in use and cannot change', OLD.version
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER instrument_version_in_use BEFORE UPDATE OR DELETE ON instrument_version
  FOR EACH ROW EXECUTE FUNCTION instrument_version_guard();
--> statement-breakpoint
CREATE TRIGGER measurement_import_no_update BEFORE UPDATE OR DELETE ON measurement_import
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE INDEX measurement_effective_idx ON measurement (project_id, instrument_code, course_id)
  WHERE superseded_by_id IS NULL;
--> statement-breakpoint
ALTER TABLE measurement ADD CONSTRAINT measurement_period_ck
  CHECK (period_from IS NULL OR period_to IS NULL OR period_to >= period_from);
