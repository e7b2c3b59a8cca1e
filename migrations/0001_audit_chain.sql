-- The audit log is append-only and hash-chained. Both rules live in the database so that no writer
-- (the app, a CLI, a future service) can skip them.

-- Canonical text of an audit row: every column except the chain fields, in a fixed format that does
-- not depend on the session's TimeZone or DateStyle.
CREATE OR REPLACE FUNCTION audit_event_canonical(e audit_event) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|',
    e.seq::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_user_id::text, ''),
    coalesce(e.organisation_id::text, ''),
    coalesce(e.project_id::text, ''),
    e.event_type,
    coalesce(e.subject_type, ''),
    coalesce(e.subject_id, ''),
    coalesce(e.purpose, ''),
    coalesce(e.request_id, ''),
    e.payload::text,
    e.prev_hash)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_row audit_event%ROWTYPE;
BEGIN
  -- Serialise writers so that each row chains to the one committed before it.
  PERFORM pg_advisory_xact_lock(7461626);
  SELECT * INTO last_row FROM audit_event ORDER BY seq DESC LIMIT 1;
  IF FOUND THEN
    NEW.seq := last_row.seq + 1;
    NEW.prev_hash := last_row.hash;
  ELSE
    NEW.seq := 1;
    NEW.prev_hash := '';
  END IF;
  NEW.hash := encode(sha256(convert_to(audit_event_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain_trg BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
