CREATE TABLE "referral_imports" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"entries" jsonb NOT NULL,
	CONSTRAINT "referral_imports_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "referral_imports" ADD CONSTRAINT "referral_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referral_imports" ADD CONSTRAINT "referral_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON referral_imports TO cosell_app;
--> statement-breakpoint
ALTER TABLE referral_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- An organisation reads and undoes its own imports only.
CREATE POLICY tenant_isolation ON referral_imports
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
