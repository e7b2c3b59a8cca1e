-- A saved business-case version never changes: later work is a new version.
CREATE OR REPLACE FUNCTION reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER business_case_version_no_update BEFORE UPDATE OR DELETE ON business_case_version
  FOR EACH ROW EXECUTE FUNCTION reject_change();
