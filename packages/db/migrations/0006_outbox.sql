CREATE TABLE "domain_events" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "domain_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"request_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "domain_events_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "domain_events" ADD CONSTRAINT "domain_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_events_pending_idx" ON "domain_events" USING btree ("seq") WHERE "domain_events"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "domain_events_subject_idx" ON "domain_events" USING btree ("organisation_id","subject_type","subject_id","seq");--> statement-breakpoint
CREATE FUNCTION cosell_scope_outbox_relay() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('cosell.outbox_relay', true), '') = 'on'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_outbox_relay() TO cosell_app;
--> statement-breakpoint
ALTER TABLE domain_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE domain_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON domain_events
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
-- The relay reads every organisation's pending events and marks them dispatched; it never
-- inserts or deletes (two policies, SELECT and UPDATE, rather than FOR ALL).
CREATE POLICY outbox_relay_read ON domain_events FOR SELECT
  USING ((SELECT cosell_scope_outbox_relay()));
--> statement-breakpoint
CREATE POLICY outbox_relay_mark ON domain_events FOR UPDATE
  USING ((SELECT cosell_scope_outbox_relay()))
  WITH CHECK ((SELECT cosell_scope_outbox_relay()));
--> statement-breakpoint
-- A program admin's commands in the partner and reseller organisations it administers (an
-- invitation, a rename) record their events there, as they do their audit entries.
CREATE POLICY program_admin_append ON domain_events FOR INSERT
  WITH CHECK (cosell_scope_program_admin() AND cosell_is_administered(organisation_id));
