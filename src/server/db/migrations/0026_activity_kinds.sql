ALTER TABLE "activities" ADD COLUMN "kind" text GENERATED ALWAYS AS (case type when 'course' then 'course' when 'exercise' then 'exercise' when 'dialogue-event' then 'event' when 'conference' then 'event' when 'seminar' then 'event' when 'expert-visit' then 'visit' when 'staff-talks' then 'visit' else 'course' end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "event_role" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_event_role_check" CHECK ("nominations"."event_role" is null or "nominations"."event_role" in ('participant', 'delegate', 'head-of-delegation', 'speaker', 'panellist', 'moderator', 'observer', 'vip'));--> statement-breakpoint
-- Evaluation levels each kind allows (src/domain/activity-kinds.ts): an event or an exercise
-- keeps level 1 only, a visit none. Results already recorded stay as history.
UPDATE "activities" SET "evaluation_levels" = ARRAY(SELECT DISTINCT l FROM unnest("evaluation_levels") AS l WHERE l = 1 ORDER BY l) WHERE "kind" IN ('event', 'exercise') AND "evaluation_levels" && ARRAY[2, 3];--> statement-breakpoint
UPDATE "activities" SET "evaluation_levels" = '{}' WHERE "kind" = 'visit' AND "evaluation_levels" <> '{}';
