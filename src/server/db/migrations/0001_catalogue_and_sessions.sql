CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"discipline_code" text NOT NULL,
	"provider_code" text NOT NULL,
	"delivery" text NOT NULL,
	"duration_days" integer NOT NULL,
	"audience" text,
	"language" text DEFAULT 'en' NOT NULL,
	"prerequisites" jsonb NOT NULL,
	"classification" text NOT NULL,
	"releasability" jsonb NOT NULL,
	"releasable_to_all" boolean DEFAULT false NOT NULL,
	"releasable_frameworks" text[] DEFAULT '{}' NOT NULL,
	"releasable_nations" text[] DEFAULT '{}' NOT NULL,
	"evaluation_levels" integer[] NOT NULL,
	"default_capacity" integer NOT NULL,
	"fee_amount" numeric(12, 2),
	"fee_currency" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', code), 'A')
        || setweight(to_tsvector('english', coalesce(title->>'en', '')), 'A')
        || setweight(to_tsvector('french', coalesce(title->>'fr', '')), 'A')
        || setweight(to_tsvector('arabic', coalesce(title->>'ar', '')), 'A')
        || setweight(to_tsvector('english', coalesce(description->>'en', '')), 'B')
        || setweight(to_tsvector('french', coalesce(description->>'fr', '')), 'B')
        || setweight(to_tsvector('arabic', coalesce(description->>'ar', '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "session_instructors" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "session_instructors_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "session_quotas" (
	"session_id" uuid NOT NULL,
	"nation_code" text NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "session_quotas_session_id_nation_code_pk" PRIMARY KEY("session_id","nation_code"),
	CONSTRAINT "session_quotas_seats_check" CHECK ("session_quotas"."seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"activity_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"venue_code" text NOT NULL,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"nomination_opens" date NOT NULL,
	"nomination_closes" date NOT NULL,
	"nomination_deadline" timestamp with time zone NOT NULL,
	"quota_release_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"director_id" uuid,
	"language" text DEFAULT 'en' NOT NULL,
	"notes" text,
	"joining_instructions" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_code_unique" UNIQUE("code"),
	CONSTRAINT "training_sessions_seats_check" CHECK ("training_sessions"."seats_taken" >= 0 and "training_sessions"."seats_taken" <= "training_sessions"."capacity"),
	CONSTRAINT "training_sessions_dates_check" CHECK ("training_sessions"."end_date" >= "training_sessions"."start_date" and "training_sessions"."nomination_closes" >= "training_sessions"."nomination_opens")
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"kind" text NOT NULL,
	"city" text,
	"country_code" text,
	"time_zone" text NOT NULL,
	"working_days" integer[] NOT NULL,
	"holidays" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_discipline_code_disciplines_code_fk" FOREIGN KEY ("discipline_code") REFERENCES "public"."disciplines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_provider_code_institutions_code_fk" FOREIGN KEY ("provider_code") REFERENCES "public"."institutions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_instructors" ADD CONSTRAINT "session_instructors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_quotas" ADD CONSTRAINT "session_quotas_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_quotas" ADD CONSTRAINT "session_quotas_nation_code_nations_code_fk" FOREIGN KEY ("nation_code") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_venue_code_venues_code_fk" FOREIGN KEY ("venue_code") REFERENCES "public"."venues"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_director_id_users_id_fk" FOREIGN KEY ("director_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_search_idx" ON "activities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "activities_discipline_idx" ON "activities" USING btree ("discipline_code");--> statement-breakpoint
CREATE INDEX "activities_title_en_idx" ON "activities" USING btree (("title"->>'en'),"id");--> statement-breakpoint
CREATE INDEX "activities_rel_frameworks_idx" ON "activities" USING gin ("releasable_frameworks");--> statement-breakpoint
CREATE INDEX "activities_rel_nations_idx" ON "activities" USING gin ("releasable_nations");--> statement-breakpoint
CREATE INDEX "training_sessions_activity_idx" ON "training_sessions" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "training_sessions_dates_idx" ON "training_sessions" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "training_sessions_status_idx" ON "training_sessions" USING btree ("status","nomination_closes");