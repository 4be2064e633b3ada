-- Offers and their co-sell tab: documents, contacts and staged contact imports. Every table
-- is a tenant table under row-level security (ADR 004).
CREATE TABLE "contact_import_rows" (
	"organisation_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"side" text NOT NULL,
	"row" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text NOT NULL,
	"role" text NOT NULL,
	"countries" text[] NOT NULL,
	"states" text[] NOT NULL,
	CONSTRAINT "contact_import_rows_organisation_id_import_id_side_row_pk" PRIMARY KEY("organisation_id","import_id","side","row")
);
--> statement-breakpoint
CREATE TABLE "contact_imports" (
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"file_name" text,
	"row_count" integer DEFAULT 0 NOT NULL,
	"base_contacts_version" integer NOT NULL,
	"resulting_contacts_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	CONSTRAINT "contact_imports_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_contacts" (
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text NOT NULL,
	"role" text NOT NULL,
	"countries" text[] NOT NULL,
	"states" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "offer_contacts_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_documents" (
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "offer_documents_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alias" text NOT NULL,
	"offer_type" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"markets" text[] DEFAULT '{}' NOT NULL,
	"transactable" boolean DEFAULT false NOT NULL,
	"priced_above_zero" boolean DEFAULT false NOT NULL,
	"csp_opt_in" boolean DEFAULT false NOT NULL,
	"lifecycle_state" text DEFAULT 'draft' NOT NULL,
	"cosell" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"contacts_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "offers_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "contact_import_rows" ADD CONSTRAINT "contact_import_rows_organisation_id_import_id_contact_imports_organisation_id_id_fk" FOREIGN KEY ("organisation_id","import_id") REFERENCES "public"."contact_imports"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_contacts" ADD CONSTRAINT "offer_contacts_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_documents" ADD CONSTRAINT "offer_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_documents" ADD CONSTRAINT "offer_documents_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_imports_offer_idx" ON "contact_imports" USING btree ("organisation_id","offer_id","created_at");--> statement-breakpoint
CREATE INDEX "offer_contacts_offer_position_idx" ON "offer_contacts" USING btree ("organisation_id","offer_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_contacts_email_role_key" ON "offer_contacts" USING btree ("organisation_id","offer_id",lower("email"),"role");--> statement-breakpoint
CREATE INDEX "offer_documents_offer_idx" ON "offer_documents" USING btree ("organisation_id","offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_documents_single_kind_key" ON "offer_documents" USING btree ("organisation_id","offer_id","kind") WHERE "offer_documents"."kind" <> 'other';--> statement-breakpoint
CREATE UNIQUE INDEX "offers_alias_key" ON "offers" USING btree ("organisation_id",lower("alias"));--> statement-breakpoint
CREATE INDEX "offers_org_updated_idx" ON "offers" USING btree ("organisation_id","updated_at");--> statement-breakpoint
ALTER TABLE offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offers
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE offer_documents ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_documents FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offer_documents
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE offer_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offer_contacts
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE contact_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contact_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON contact_imports
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE contact_import_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contact_import_rows FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON contact_import_rows
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
