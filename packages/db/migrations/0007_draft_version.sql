ALTER TABLE "offers" ADD COLUMN "draft_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "draft_changes" jsonb DEFAULT '{}'::jsonb NOT NULL;