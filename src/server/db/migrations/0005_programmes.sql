CREATE TABLE "planned_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"activity_id" uuid,
	"free_text" text,
	"years" integer[] NOT NULL,
	"seats_planned" integer NOT NULL,
	"priority" integer DEFAULT 2 NOT NULL,
	CONSTRAINT "planned_activities_what_check" CHECK (("planned_activities"."activity_id" is not null) or ("planned_activities"."free_text" is not null)),
	CONSTRAINT "planned_activities_seats_check" CHECK ("planned_activities"."seats_planned" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"objective_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_objectives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	"revised_by" uuid,
	"revised_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nation_code" text NOT NULL,
	"title" jsonb NOT NULL,
	"start_year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"agreed_at" timestamp with time zone,
	"agreed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_years_check" CHECK ("programmes"."end_year" >= "programmes"."start_year")
);
--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "planned_activity_id" uuid;--> statement-breakpoint
ALTER TABLE "planned_activities" ADD CONSTRAINT "planned_activities_goal_id_programme_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."programme_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_activities" ADD CONSTRAINT "planned_activities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_goals" ADD CONSTRAINT "programme_goals_objective_id_programme_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."programme_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_objectives" ADD CONSTRAINT "programme_objectives_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_revisions" ADD CONSTRAINT "programme_revisions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_revisions" ADD CONSTRAINT "programme_revisions_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_nation_code_nations_code_fk" FOREIGN KEY ("nation_code") REFERENCES "public"."nations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planned_activities_goal_idx" ON "planned_activities" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "planned_activities_activity_idx" ON "planned_activities" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "programme_goals_objective_idx" ON "programme_goals" USING btree ("objective_id","position");--> statement-breakpoint
CREATE INDEX "programme_objectives_programme_idx" ON "programme_objectives" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_revisions_programme_idx" ON "programme_revisions" USING btree ("programme_id","version");--> statement-breakpoint
CREATE INDEX "programmes_nation_idx" ON "programmes" USING btree ("nation_code","start_year");--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_planned_activity_id_planned_activities_id_fk" FOREIGN KEY ("planned_activity_id") REFERENCES "public"."planned_activities"("id") ON DELETE no action ON UPDATE no action;