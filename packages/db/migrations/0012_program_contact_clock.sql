CREATE TABLE "installation_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "policy_chosen_at" timestamp with time zone;--> statement-breakpoint
-- Read at start-up and written by clock control, outside any tenant scope: no tenant data.
GRANT SELECT, INSERT, UPDATE, DELETE ON installation_settings TO cosell_app;
