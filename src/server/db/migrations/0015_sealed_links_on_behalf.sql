ALTER TABLE "outbox_messages" ADD COLUMN "sealed_links" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD COLUMN "on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "nomination_events" ADD CONSTRAINT "nomination_events_on_behalf_of_nations_code_fk" FOREIGN KEY ("on_behalf_of") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;