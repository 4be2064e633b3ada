CREATE TABLE "installation_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "policy_chosen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "storefront_listings" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Read at start-up and written by clock control, outside any tenant scope: no tenant data.
GRANT SELECT, INSERT, UPDATE, DELETE ON installation_settings TO cosell_app;--> statement-breakpoint
-- Listings already on the storefront take their description from the live version's snapshot
-- (new listings get it when the status engine refreshes the projection).
UPDATE "storefront_listings" AS s
SET "description" = coalesce(v."snapshot" -> 'fields' ->> 'description', '')
FROM "offers" AS o
JOIN "offer_versions" AS v ON v."organisation_id" = o."organisation_id" AND v."id" = o."live_version_id"
WHERE o."organisation_id" = s."organisation_id" AND o."id" = s."offer_id";
