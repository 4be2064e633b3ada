-- Row-level security (QUALITY R2, S1). Every application transaction runs as cosell_app, a
-- role that owns nothing and cannot bypass RLS, with its tenant scope in transaction-local
-- settings (set_config(..., true), safe under transaction pooling). Migrations run as the
-- connecting owner. Policies are narrow: tenant isolation, plus the few cross-tenant reads
-- the product needs, each named for what it allows.
DO $$ BEGIN
  CREATE ROLE cosell_app NOLOGIN NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO cosell_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cosell_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cosell_app;
--> statement-breakpoint
CREATE FUNCTION cosell_scope_organisations() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('cosell.organisation_ids', true), ''), ',')::uuid[], '{}'::uuid[])
$$;
--> statement-breakpoint
CREATE FUNCTION cosell_scope_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cosell.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION cosell_scope_program_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('cosell.program_admin', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE FUNCTION cosell_scope_invitation() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cosell.invitation_token_hash', true), '')
$$;
--> statement-breakpoint
-- Partner and reseller organisations, which the vendor's program admins administer.
CREATE FUNCTION cosell_is_administered(organisation uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM organisations WHERE id = organisation AND kind <> 'vendor')
$$;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO cosell_app;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships
  USING (organisation_id = ANY (cosell_scope_organisations()))
  WITH CHECK (organisation_id = ANY (cosell_scope_organisations()));
--> statement-breakpoint
-- A signed-in person reads their own memberships in every organisation (session loading).
CREATE POLICY own_memberships ON memberships FOR SELECT
  USING (user_id = cosell_scope_user());
--> statement-breakpoint
CREATE POLICY program_admin ON memberships
  USING (cosell_scope_program_admin() AND cosell_is_administered(organisation_id))
  WITH CHECK (cosell_scope_program_admin() AND cosell_is_administered(organisation_id));
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (organisation_id = ANY (cosell_scope_organisations()))
  WITH CHECK (organisation_id = ANY (cosell_scope_organisations()));
--> statement-breakpoint
-- The bearer of an invitation link reads that one invitation.
CREATE POLICY invitation_bearer ON invitations FOR SELECT
  USING (token_hash = cosell_scope_invitation());
--> statement-breakpoint
CREATE POLICY program_admin ON invitations
  USING (cosell_scope_program_admin() AND cosell_is_administered(organisation_id))
  WITH CHECK (cosell_scope_program_admin() AND cosell_is_administered(organisation_id));
--> statement-breakpoint
ALTER TABLE programs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON programs
  USING (organisation_id = ANY (cosell_scope_organisations()))
  WITH CHECK (organisation_id = ANY (cosell_scope_organisations()));
--> statement-breakpoint
-- Program data (policy, taxonomy) is what every participant of the program works against.
CREATE POLICY program_data_readable ON programs FOR SELECT
  USING (true);
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (organisation_id = ANY (cosell_scope_organisations()))
  WITH CHECK (organisation_id = ANY (cosell_scope_organisations()));
--> statement-breakpoint
CREATE POLICY program_admin ON audit_log
  USING (cosell_scope_program_admin() AND cosell_is_administered(organisation_id))
  WITH CHECK (cosell_scope_program_admin() AND cosell_is_administered(organisation_id));
