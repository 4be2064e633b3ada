CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid,
	"created_by" uuid,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_token_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kind" text DEFAULT 'person' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_organisation_idx" ON "api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "rate_limits" USING btree ("window_start");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens, rate_limits TO cosell_app;
--> statement-breakpoint
CREATE FUNCTION cosell_scope_api_token() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cosell.api_token_hash', true), '')
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_api_token() TO cosell_app;
--> statement-breakpoint
-- API tokens are global (looked up by secret), yet isolated: a person sees their personal
-- tokens, an organisation's scope its service tokens, the bearer of a secret that one token.
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY own_tokens ON api_tokens
  USING (kind = 'personal' AND user_id = (SELECT cosell_scope_user()))
  WITH CHECK (kind = 'personal' AND user_id = (SELECT cosell_scope_user()));
--> statement-breakpoint
CREATE POLICY tenant_isolation ON api_tokens
  USING (kind = 'service' AND organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (kind = 'service' AND organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
-- The bearer reads its token and records its use (last used time and address).
CREATE POLICY token_bearer_read ON api_tokens FOR SELECT
  USING (token_hash = (SELECT cosell_scope_api_token()));
--> statement-breakpoint
CREATE POLICY token_bearer_touch ON api_tokens FOR UPDATE
  USING (token_hash = (SELECT cosell_scope_api_token()))
  WITH CHECK (token_hash = (SELECT cosell_scope_api_token()));
--> statement-breakpoint
-- The bearer of a token reads its principal's memberships (the one-statement lookup).
CREATE POLICY token_bearer_memberships ON memberships FOR SELECT
  USING (user_id = (SELECT t.user_id FROM api_tokens t WHERE t.token_hash = (SELECT cosell_scope_api_token())));
--> statement-breakpoint
CREATE FUNCTION cosell_scope_api_token_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('cosell.api_token_id', true), '')::uuid
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_api_token_id() TO cosell_app;
--> statement-breakpoint
-- The operator at the command line revokes one token, named by id.
CREATE POLICY token_operator ON api_tokens
  USING (id = (SELECT cosell_scope_api_token_id()))
  WITH CHECK (id = (SELECT cosell_scope_api_token_id()));
--> statement-breakpoint
-- Counters of seconds-long windows need no crash safety: unlogged, a request's upsert waits for
-- no WAL flush (a crash empties the table, which lets everyone start their window afresh).
ALTER TABLE rate_limits SET UNLOGGED;
