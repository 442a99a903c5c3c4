ALTER TABLE "sites" ADD COLUMN "logo_id" uuid;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "contact" jsonb DEFAULT '{"email":"","phone":"","address":""}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "social" jsonb DEFAULT '{"facebook":"","instagram":"","linkedin":"","x":"","youtube":"","tiktok":""}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "theme" jsonb DEFAULT '{"primaryColor":"#1d4ed8","secondaryColor":"#0f172a"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "notification_emails" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;