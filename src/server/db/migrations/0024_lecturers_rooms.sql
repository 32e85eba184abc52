CREATE TABLE "lecturers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name_latin" text NOT NULL,
	"name_arabic" text,
	"title" text,
	"institution" text,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"phone" text,
	"user_id" uuid,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_lecturers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"lecturer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"arrival_at" timestamp with time zone,
	"arrival_flight" text,
	"departure_at" timestamp with time zone,
	"departure_flight" text,
	"hotel" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_lecturers_role_check" CHECK ("session_lecturers"."role" in ('lecturer', 'speaker', 'panellist', 'moderator')),
	CONSTRAINT "session_lecturers_travel_check" CHECK ("session_lecturers"."departure_at" is null or "session_lecturers"."arrival_at" is null or "session_lecturers"."departure_at" >= "session_lecturers"."arrival_at")
);
--> statement-breakpoint
CREATE TABLE "session_interpretation" (
	"session_id" uuid NOT NULL,
	"language_a" text NOT NULL,
	"language_b" text NOT NULL,
	"interpreters" integer NOT NULL,
	CONSTRAINT "session_interpretation_session_id_language_a_language_b_pk" PRIMARY KEY("session_id","language_a","language_b"),
	CONSTRAINT "session_interpretation_pair_check" CHECK ("session_interpretation"."language_a" < "session_interpretation"."language_b"),
	CONSTRAINT "session_interpretation_count_check" CHECK ("session_interpretation"."interpreters" >= 1 and "session_interpretation"."interpreters" <= 20)
);
--> statement-breakpoint
CREATE TABLE "session_room_bookings" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_code" text NOT NULL,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_rooms_capacity_check" CHECK ("venue_rooms"."capacity" >= 1)
);
--> statement-breakpoint
ALTER TABLE "lecturers" ADD CONSTRAINT "lecturers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_lecturers" ADD CONSTRAINT "session_lecturers_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_lecturers" ADD CONSTRAINT "session_lecturers_lecturer_id_lecturers_id_fk" FOREIGN KEY ("lecturer_id") REFERENCES "public"."lecturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_interpretation" ADD CONSTRAINT "session_interpretation_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_room_bookings" ADD CONSTRAINT "session_room_bookings_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_room_bookings" ADD CONSTRAINT "session_room_bookings_room_id_venue_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."venue_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_rooms" ADD CONSTRAINT "venue_rooms_venue_code_venues_code_fk" FOREIGN KEY ("venue_code") REFERENCES "public"."venues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lecturers_name_idx" ON "lecturers" USING btree (lower("name_latin"),"id");--> statement-breakpoint
CREATE UNIQUE INDEX "lecturers_email_idx" ON "lecturers" USING btree (lower("email")) WHERE "lecturers"."email" is not null;--> statement-breakpoint
CREATE INDEX "lecturers_user_idx" ON "lecturers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_lecturers_once_idx" ON "session_lecturers" USING btree ("session_id","lecturer_id");--> statement-breakpoint
CREATE INDEX "session_lecturers_lecturer_idx" ON "session_lecturers" USING btree ("lecturer_id");--> statement-breakpoint
CREATE INDEX "session_room_bookings_room_idx" ON "session_room_bookings" USING btree ("room_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venue_rooms_name_idx" ON "venue_rooms" USING btree ("venue_code",lower("name"));