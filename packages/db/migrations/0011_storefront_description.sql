ALTER TABLE "storefront_listings" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "storefront_listings" ADD COLUMN "landing_page_url" text;--> statement-breakpoint
-- Listings already on the storefront take their description and landing page from the live
-- version's snapshot (new listings get them when the status engine refreshes the projection).
UPDATE "storefront_listings" AS s
SET "description" = coalesce(v."snapshot" -> 'fields' ->> 'description', ''),
    "landing_page_url" = nullif(v."snapshot" -> 'cosell' ->> 'landingPageUrl', '')
FROM "offers" AS o
JOIN "offer_versions" AS v ON v."organisation_id" = o."organisation_id" AND v."id" = o."live_version_id"
WHERE o."organisation_id" = s."organisation_id" AND o."id" = s."offer_id";
