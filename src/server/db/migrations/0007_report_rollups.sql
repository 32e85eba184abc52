-- Roll-ups the dashboards and reports read instead of every nomination and survey answer.
-- They are refreshed by src/server/features/reports/rollups.ts; see docs/decisions.md.

-- Nominations of sessions that were not cancelled, per nation, discipline, provider, year and
-- whether the session was delivered (completed). "Submitted" counts leave drafts out.
CREATE MATERIALIZED VIEW "report_nomination_facts" AS
SELECT n.nation_code,
       a.discipline_code,
       a.provider_code,
       extract(year FROM s.start_date)::int AS year,
       (s.status = 'completed') AS delivered,
       count(*) FILTER (WHERE n.submitted_at IS NOT NULL)::int AS submitted,
       count(*) FILTER (WHERE n.submitted_at IS NOT NULL
                          AND (n.status = 'selected' OR n.result IS NOT NULL))::int AS submitted_selected,
       count(*) FILTER (WHERE n.submitted_at IS NOT NULL AND n.result = 'completed')::int AS submitted_completed,
       count(*) FILTER (WHERE n.status = 'selected' OR n.result IS NOT NULL)::int AS selected,
       count(*) FILTER (WHERE n.result = 'completed')::int AS completed,
       count(*) FILTER (WHERE n.result = 'no-show')::int AS no_show
  FROM nominations n
  JOIN training_sessions s ON s.id = n.session_id
  JOIN activities a ON a.id = s.activity_id
 WHERE s.status <> 'cancelled'
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE UNIQUE INDEX "report_nomination_facts_key" ON "report_nomination_facts"
  ("nation_code", "discipline_code", "provider_code", "year", "delivered");
--> statement-breakpoint
CREATE INDEX "report_nomination_facts_year_idx" ON "report_nomination_facts" ("year");
--> statement-breakpoint

-- Seats of delivered sessions: the quota offered to each nation, and (nation null) capacity.
CREATE MATERIALIZED VIEW "report_seat_facts" AS
SELECT q.nation_code,
       a.discipline_code,
       a.provider_code,
       extract(year FROM s.start_date)::int AS year,
       sum(q.seats)::int AS seats
  FROM session_quotas q
  JOIN training_sessions s ON s.id = q.session_id
  JOIN activities a ON a.id = s.activity_id
 WHERE s.status = 'completed'
 GROUP BY 1, 2, 3, 4
UNION ALL
SELECT NULL,
       a.discipline_code,
       a.provider_code,
       extract(year FROM s.start_date)::int,
       sum(s.capacity)::int
  FROM training_sessions s
  JOIN activities a ON a.id = s.activity_id
 WHERE s.status = 'completed'
 GROUP BY 2, 3, 4;
--> statement-breakpoint
CREATE UNIQUE INDEX "report_seat_facts_key" ON "report_seat_facts"
  ("nation_code", "discipline_code", "provider_code", "year") NULLS NOT DISTINCT;
--> statement-breakpoint

-- Level-1 scale answers per activity and year, over all answers. The activity's code and title
-- are kept so that a page of the report reads this view alone, in the order of its index.
CREATE MATERIALIZED VIEW "report_evaluation_facts" AS
SELECT a.id AS activity_id,
       a.code AS activity_code,
       a.title AS activity_title,
       a.discipline_code,
       extract(year FROM s.start_date)::int AS year,
       count(*)::int AS responses,
       coalesce(sum(m.total), 0)::numeric AS total,
       coalesce(sum(m.answers), 0)::int AS answers
  FROM survey_responses r
  JOIN training_sessions s ON s.id = r.session_id
  JOIN activities a ON a.id = s.activity_id
  JOIN survey_templates t ON t.id = r.template_id
  CROSS JOIN LATERAL (
    SELECT sum((r.answers ->> (q ->> 'id'))::numeric) AS total, count(*) AS answers
      FROM jsonb_array_elements(t.questions) q
     WHERE q ->> 'kind' = 'scale' AND jsonb_typeof(r.answers -> (q ->> 'id')) = 'number'
  ) m
 WHERE r.level = 1
 GROUP BY a.id, extract(year FROM s.start_date)::int;
--> statement-breakpoint
CREATE UNIQUE INDEX "report_evaluation_facts_key" ON "report_evaluation_facts" ("activity_id", "year");
--> statement-breakpoint
CREATE INDEX "report_evaluation_facts_order_idx" ON "report_evaluation_facts" ("year" DESC, "activity_code");
--> statement-breakpoint

-- The same per nation of the invitation; anonymous answers cannot be traced to one.
CREATE MATERIALIZED VIEW "report_nation_evaluation_facts" AS
SELECT n.nation_code,
       a.id AS activity_id,
       a.code AS activity_code,
       a.title AS activity_title,
       a.discipline_code,
       extract(year FROM s.start_date)::int AS year,
       count(*)::int AS responses,
       coalesce(sum(m.total), 0)::numeric AS total,
       coalesce(sum(m.answers), 0)::int AS answers
  FROM survey_responses r
  JOIN training_sessions s ON s.id = r.session_id
  JOIN activities a ON a.id = s.activity_id
  JOIN survey_templates t ON t.id = r.template_id
  JOIN survey_invitations i ON i.id = r.invitation_id
  JOIN nominations n ON n.id = i.nomination_id
  CROSS JOIN LATERAL (
    SELECT sum((r.answers ->> (q ->> 'id'))::numeric) AS total, count(*) AS answers
      FROM jsonb_array_elements(t.questions) q
     WHERE q ->> 'kind' = 'scale' AND jsonb_typeof(r.answers -> (q ->> 'id')) = 'number'
  ) m
 WHERE r.level = 1
 GROUP BY n.nation_code, a.id, extract(year FROM s.start_date)::int;
--> statement-breakpoint
CREATE UNIQUE INDEX "report_nation_evaluation_facts_key" ON "report_nation_evaluation_facts"
  ("nation_code", "activity_id", "year");
--> statement-breakpoint
CREATE INDEX "report_nation_evaluation_facts_order_idx" ON "report_nation_evaluation_facts"
  ("nation_code", "year" DESC, "activity_code");
--> statement-breakpoint

-- When the roll-ups were last refreshed, and the change count of their sources at that time.
CREATE TABLE "report_rollup_state" (
  "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "refreshed_at" timestamp with time zone NOT NULL,
  "source_changes" bigint NOT NULL,
  "took_ms" integer NOT NULL
);
