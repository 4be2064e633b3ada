CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_favorites" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_favorites_organisation_id_user_id_referral_id_pk" PRIMARY KEY("organisation_id","user_id","referral_id")
);
--> statement-breakpoint
CREATE TABLE "referral_shares" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"status" text NOT NULL,
	"substatus" text NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_shares_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "referral_timeline" (
	"organisation_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"channel" text NOT NULL,
	"action" text NOT NULL,
	"summary" jsonb NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "referral_timeline_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "referral_timeline_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"organisation_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"substatus" text NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"deal_kind" text NOT NULL,
	"visibility" text NOT NULL,
	"sales_stage" text,
	"customer_name" text NOT NULL,
	"customer_country" text NOT NULL,
	"external_reference_id" text,
	"team_emails" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closing_at" timestamp with time zone NOT NULL,
	"expiration_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"document" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referrals_organisation_id_id_pk" PRIMARY KEY("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "referral_countries" text[];--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_created_by_organisation_id_organisations_id_fk" FOREIGN KEY ("created_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_favorites" ADD CONSTRAINT "referral_favorites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_favorites" ADD CONSTRAINT "referral_favorites_organisation_id_referral_id_referrals_organisation_id_id_fk" FOREIGN KEY ("organisation_id","referral_id") REFERENCES "public"."referrals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_shares" ADD CONSTRAINT "referral_shares_organisation_id_id_referrals_organisation_id_id_fk" FOREIGN KEY ("organisation_id","id") REFERENCES "public"."referrals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_timeline" ADD CONSTRAINT "referral_timeline_organisation_id_referral_id_referrals_organisation_id_id_fk" FOREIGN KEY ("organisation_id","referral_id") REFERENCES "public"."referrals"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_shares_engagement_idx" ON "referral_shares" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "referral_timeline_referral_idx" ON "referral_timeline" USING btree ("organisation_id","referral_id","at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_id_key" ON "referrals" USING btree ("id");--> statement-breakpoint
CREATE INDEX "referrals_org_created_idx" ON "referrals" USING btree ("organisation_id","created_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "referrals_engagement_idx" ON "referrals" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "referrals_expiry_idx" ON "referrals" USING btree ("substatus","expiration_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON engagements, referrals, referral_shares, referral_timeline, referral_favorites TO cosell_app;
--> statement-breakpoint
-- The expiry job of the worker (scope `referral_expiry`) finds Received referrals of every
-- organisation; it then widens its scope to the one organisation whose referral it expires.
CREATE FUNCTION cosell_scope_referral_expiry() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('cosell.referral_expiry', true), '') = 'on'
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cosell_scope_referral_expiry() TO cosell_app;
--> statement-breakpoint
ALTER TABLE referrals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referrals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A participant reads and writes its own referrals only (the others' shared fields are in
-- referral_shares). Creating the receiver's row needs its organisation in scope: the use case
-- widens the scope to exactly that organisation once it has established the right to it.
CREATE POLICY tenant_isolation ON referrals
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY referral_expiry ON referrals FOR SELECT
  USING ((SELECT cosell_scope_referral_expiry()) AND substatus = 'Received');
--> statement-breakpoint
ALTER TABLE referral_shares ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_shares FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON referral_shares
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
-- The other participants of an engagement read a referral's shared fields (never its notes,
-- team or values, which stay in referrals).
CREATE POLICY engagement_participant ON referral_shares FOR SELECT
  USING (engagement_id IN (SELECT r.engagement_id FROM referrals r
    WHERE r.organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[])));
--> statement-breakpoint
-- referral_shares follows referrals: every insert and change of a referral writes its shared row.
CREATE FUNCTION cosell_share_referral() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO referral_shares (organisation_id, id, engagement_id, organisation_name, status, substatus, type, created_at)
  VALUES (NEW.organisation_id, NEW.id, NEW.engagement_id, NEW.organisation_name, NEW.status, NEW.substatus, NEW.type, NEW.created_at)
  ON CONFLICT (organisation_id, id) DO UPDATE SET
    organisation_name = EXCLUDED.organisation_name,
    status = EXCLUDED.status,
    substatus = EXCLUDED.substatus,
    type = EXCLUDED.type;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER referrals_share AFTER INSERT OR UPDATE ON referrals
  FOR EACH ROW EXECUTE FUNCTION cosell_share_referral();
--> statement-breakpoint
ALTER TABLE referral_timeline ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_timeline FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON referral_timeline
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
ALTER TABLE referral_favorites ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE referral_favorites FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON referral_favorites
  USING (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
-- Engagements hold no business data, yet an organisation sees only those it created or takes
-- part in.
ALTER TABLE engagements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE engagements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY engagement_creator ON engagements
  USING (created_by_organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]))
  WITH CHECK (created_by_organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[]));
--> statement-breakpoint
CREATE POLICY engagement_participant ON engagements FOR SELECT
  USING (id IN (SELECT r.engagement_id FROM referrals r
    WHERE r.organisation_id = ANY ((SELECT cosell_scope_organisations())::uuid[])));
