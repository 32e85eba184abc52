CREATE TABLE "agenda_item_speakers" (
	"item_id" uuid NOT NULL,
	"lecturer_id" uuid NOT NULL,
	CONSTRAINT "agenda_item_speakers_item_id_lecturer_id_pk" PRIMARY KEY("item_id","lecturer_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_items_times_check" CHECK ("agenda_items"."ends_at" > "agenda_items"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "visa_letters" ALTER COLUMN "nomination_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "visa_letters" ALTER COLUMN "nation_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD COLUMN "session_lecturer_id" uuid;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "passport_name" text;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "passport_number" text;--> statement-breakpoint
ALTER TABLE "lecturers" ADD COLUMN "nationality_code" text;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "agenda_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agenda_item_speakers" ADD CONSTRAINT "agenda_item_speakers_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_speakers" ADD CONSTRAINT "agenda_item_speakers_lecturer_id_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."lecturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_room_id_venue_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."venue_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_item_speakers_lecturer_idx" ON "agenda_item_speakers" USING btree ("lecturer_id");--> statement-breakpoint
CREATE INDEX "agenda_items_session_idx" ON "agenda_items" USING btree ("session_id","starts_at");--> statement-breakpoint
CREATE INDEX "agenda_items_room_idx" ON "agenda_items" USING btree ("room_id","starts_at");--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_session_lecturer_id_session_lecturers_id_fk" FOREIGN KEY ("session_lecturer_id") REFERENCES "public"."session_lecturers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecturers" ADD CONSTRAINT "lecturers_nationality_code_nations_code_fk" FOREIGN KEY ("nationality_code") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visa_letters_live_lecturer_key" ON "visa_letters" USING btree ("session_lecturer_id") WHERE revoked_at is null;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_subject_check" CHECK (("visa_letters"."nomination_id" is null) <> ("visa_letters"."session_lecturer_id" is null));