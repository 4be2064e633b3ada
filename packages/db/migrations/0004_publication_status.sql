-- Publication (versions, submissions and review), program profiles, computed co-sell
-- statuses with their history, notifications, the job queue and the public storefront.
-- Tenant tables are under row-level security (ADR 004); program staff (admins and reviewers)
-- additionally read partners' offers, submissions, profiles and statuses, never write them.
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"organisation_id" uuid,
	"dedupe_key" text,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"offer_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "notifications_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "notifications_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_status_history" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"previous_status" text,
	"policy_id" text NOT NULL,
	"cause" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "offer_status_history_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "offer_status_history_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "offer_statuses" (
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"policy_id" text NOT NULL,
	"qualified_since" timestamp with time zone,
	"badge_granted_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offer_statuses_organisation_id_offer_id_pk" PRIMARY KEY("organisation_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "offer_versions" (
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "offer_versions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" text,
	"marketplace_account_active" boolean DEFAULT false NOT NULL,
	"business_profile_complete" boolean DEFAULT false NOT NULL,
	"azure_consumed_revenue_usd" numeric(15, 2) DEFAULT 0 NOT NULL,
	"marketplace_billed_revenue_usd" numeric(15, 2) DEFAULT 0 NOT NULL,
	"gold_competency" boolean DEFAULT false NOT NULL,
	"solutions_partner_designations" text[] DEFAULT '{}' NOT NULL,
	"isv_connect" text DEFAULT 'none' NOT NULL,
	"provenance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "storefront_listings" (
	"offer_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"publisher_name" text NOT NULL,
	"name" text NOT NULL,
	"offer_type" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"markets" text[] DEFAULT '{}' NOT NULL,
	"badges" text[] DEFAULT '{}' NOT NULL,
	"cosell_status" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"sections" text[] NOT NULL,
	"state" text NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offer_was_live" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"review" jsonb,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "submissions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "submissions_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "publish_status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "live_version_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "muted_notification_kinds" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_status_history" ADD CONSTRAINT "offer_status_history_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_statuses" ADD CONSTRAINT "offer_statuses_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_profiles" ADD CONSTRAINT "program_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storefront_listings" ADD CONSTRAINT "storefront_listings_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organisation_id_offer_id_offers_organisation_id_id_fk" FOREIGN KEY ("organisation_id","offer_id") REFERENCES "public"."offers"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organisation_id_version_id_offer_versions_organisation_id_id_fk" FOREIGN KEY ("organisation_id","version_id") REFERENCES "public"."offer_versions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_key_key" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "offer_status_history_offer_idx" ON "offer_status_history" USING btree ("organisation_id","offer_id","at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "offer_statuses_badge_due_idx" ON "offer_statuses" USING btree ("qualified_since") WHERE "offer_statuses"."badge_granted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "offer_versions_number_key" ON "offer_versions" USING btree ("organisation_id","offer_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "program_profiles_partner_id_key" ON "program_profiles" USING btree ("partner_id") WHERE "program_profiles"."partner_id" is not null;--> statement-breakpoint
CREATE INDEX "storefront_listings_name_idx" ON "storefront_listings" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "submissions_queue_idx" ON "submissions" USING btree ("state","submitted_at","seq");--> statement-breakpoint
CREATE INDEX "submissions_offer_idx" ON "submissions" USING btree ("organisation_id","offer_id","submitted_at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE FUNCTION cosell_scope_program_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('cosell.program_staff', true), '') = 'on'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_program_staff() TO cosell_app;
--> statement-breakpoint
ALTER TABLE offer_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offer_versions
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE submissions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON submissions
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE program_profiles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE program_profiles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON program_profiles
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE offer_statuses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_statuses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offer_statuses
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE offer_status_history ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE offer_status_history FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON offer_status_history
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON notifications
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
-- Program staff review submissions and evaluate statuses across partners: read only. Their
-- writes go through tenant_isolation, with the organisation widened into the scope by the use
-- case that has established the right to write.
CREATE POLICY program_staff ON offers FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON offer_documents FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON offer_contacts FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON offer_versions FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON submissions FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON program_profiles FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
--> statement-breakpoint
CREATE POLICY program_staff ON offer_statuses FOR SELECT
  USING ((SELECT cosell_scope_program_staff()));
