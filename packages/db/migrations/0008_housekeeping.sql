-- The hourly housekeeping of the job worker (scope `housekeeping`) finds and deletes spent
-- invitations and abandoned contact imports of every organisation: SELECT and DELETE only,
-- never INSERT or UPDATE. Staged import rows go with their import (ON DELETE CASCADE).
CREATE FUNCTION cosell_scope_housekeeping() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('cosell.housekeeping', true), '') = 'on'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_housekeeping() TO cosell_app;
--> statement-breakpoint
CREATE POLICY housekeeping_read ON invitations FOR SELECT
  USING ((SELECT cosell_scope_housekeeping()));
--> statement-breakpoint
CREATE POLICY housekeeping_delete ON invitations FOR DELETE
  USING ((SELECT cosell_scope_housekeeping()));
--> statement-breakpoint
CREATE POLICY housekeeping_read ON contact_imports FOR SELECT
  USING ((SELECT cosell_scope_housekeeping()));
--> statement-breakpoint
CREATE POLICY housekeeping_delete ON contact_imports FOR DELETE
  USING ((SELECT cosell_scope_housekeeping()));
--> statement-breakpoint
CREATE INDEX contact_imports_pending_idx ON contact_imports (created_at) WHERE state = 'pending';
