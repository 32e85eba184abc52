-- Changes to published sessions that their people must hear of, and the sequence number of the
-- session's calendar invitations (see docs/decisions.md, "Session changes are recorded, then told
-- by a job").
ALTER TABLE "training_sessions" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TABLE "session_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text,
	"calendar_sequence" integer NOT NULL,
	"audience" jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"digested_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "session_changes" ADD CONSTRAINT "session_changes_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_changes" ADD CONSTRAINT "session_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_changes_session_idx" ON "session_changes" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "session_changes_undigested_idx" ON "session_changes" USING btree ("created_at") WHERE "session_changes"."kind" = 'announced' and "session_changes"."digested_at" is null;--> statement-breakpoint

-- A nomination of a cancelled session ends as `session-cancelled`, no longer live.
DROP INDEX "nominations_live_key";--> statement-breakpoint
CREATE UNIQUE INDEX "nominations_live_key" ON "nominations" USING btree ("session_id","participant_id") WHERE status not in ('withdrawn', 'declined', 'rejected', 'substituted', 'session-cancelled');--> statement-breakpoint

-- Sessions cancelled before this state existed left their nominations live and their seats
-- counted: end them the way a cancellation now does, on their timelines too.
INSERT INTO "nomination_events" ("nomination_id", "at", "actor_id", "action", "from_status", "to_status", "reason")
SELECT n.id, now(), NULL, 'session-cancel', n.status, 'session-cancelled', s.cancel_reason
  FROM "nominations" n
  JOIN "training_sessions" s ON s.id = n.session_id
 WHERE s.status = 'cancelled'
   AND n.status IN ('draft', 'proposed', 'submitted', 'waitlisted', 'selected');--> statement-breakpoint
UPDATE "nominations" n
   SET status = 'session-cancelled', seat_source = NULL, updated_at = now()
  FROM "training_sessions" s
 WHERE s.id = n.session_id
   AND s.status = 'cancelled'
   AND n.status IN ('draft', 'proposed', 'submitted', 'waitlisted', 'selected');--> statement-breakpoint
UPDATE "session_quotas" q
   SET taken = 0
  FROM "training_sessions" s
 WHERE s.id = q.session_id AND s.status = 'cancelled';--> statement-breakpoint
UPDATE "training_sessions" SET seats_taken = 0, pool_taken = 0 WHERE status = 'cancelled';--> statement-breakpoint

-- The nomination roll-up of 0007 left cancelled sessions out altogether; it now counts the
-- submitted nominations they ended, as a category of their own, and nothing else of them.
DROP MATERIALIZED VIEW "report_nomination_facts";--> statement-breakpoint
CREATE MATERIALIZED VIEW "report_nomination_facts" AS
SELECT n.nation_code,
       a.discipline_code,
       a.provider_code,
       extract(year FROM s.start_date)::int AS year,
       (s.status = 'completed') AS delivered,
       count(*) FILTER (WHERE s.status <> 'cancelled' AND n.submitted_at IS NOT NULL)::int AS submitted,
       count(*) FILTER (WHERE s.status <> 'cancelled' AND n.submitted_at IS NOT NULL
                          AND (n.status = 'selected' OR n.result IS NOT NULL))::int AS submitted_selected,
       count(*) FILTER (WHERE s.status <> 'cancelled' AND n.submitted_at IS NOT NULL
                          AND n.result = 'completed')::int AS submitted_completed,
       count(*) FILTER (WHERE s.status <> 'cancelled'
                          AND (n.status = 'selected' OR n.result IS NOT NULL))::int AS selected,
       count(*) FILTER (WHERE s.status <> 'cancelled' AND n.result = 'completed')::int AS completed,
       count(*) FILTER (WHERE s.status <> 'cancelled' AND n.result = 'no-show')::int AS no_show,
       count(*) FILTER (WHERE n.status = 'session-cancelled'
                          AND n.submitted_at IS NOT NULL)::int AS session_cancelled
  FROM nominations n
  JOIN training_sessions s ON s.id = n.session_id
  JOIN activities a ON a.id = s.activity_id
 WHERE s.status <> 'cancelled' OR n.status = 'session-cancelled'
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE UNIQUE INDEX "report_nomination_facts_key" ON "report_nomination_facts"
  ("nation_code", "discipline_code", "provider_code", "year", "delivered");
--> statement-breakpoint
CREATE INDEX "report_nomination_facts_year_idx" ON "report_nomination_facts" ("year");
