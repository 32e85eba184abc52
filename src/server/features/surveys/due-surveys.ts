import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../contract/common.js';
import { SURVEY_OPEN_DAYS } from '../../../contract/surveys.js';
import { isSurveyDue, surveyDueAt } from '../../../domain/surveys.js';
import type { Database } from '../../db/client.js';
import {
  activities,
  activitySurveys,
  surveyInvitations,
  surveyTemplates,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import { systemContext } from '../context.js';
import { inviteParticipants, type SurveyFacts, sendSupervisor } from './sending.js';

/** Sessions that have ended or are ending: the statuses in which surveys go out. */
const ENDED = ['in-progress', 'completed'];

/**
 * Sessions whose level-1 or level-3 survey may be due around `now`: a loose date range in SQL
 * (a day either side covers every time zone), then the exact rule in the domain.
 */
async function candidates(db: Database, now: Date) {
  const day = now.toISOString().slice(0, 10);
  const dueDay = sql`(case when ${activitySurveys.level} = 3 then (${trainingSessions.endDate} + make_interval(months => coalesce(${activitySurveys.delayMonths}, 6)))::date else ${trainingSessions.endDate} end)`;
  const rows = await db
    .select({
      sessionId: trainingSessions.id,
      sessionCode: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      timeZone: venues.timeZone,
      activityTitle: activities.title,
      level: activitySurveys.level,
      delayMonths: activitySurveys.delayMonths,
      templateId: surveyTemplates.id,
      templateTitle: surveyTemplates.title,
    })
    .from(trainingSessions)
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(activitySurveys, eq(activitySurveys.activityId, activities.id))
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, activitySurveys.templateId))
    .where(
      and(
        inArray(trainingSessions.status, ENDED),
        inArray(activitySurveys.level, [1, 3]),
        sql`${dueDay} between ${day}::date - ${SURVEY_OPEN_DAYS + 1}::int and ${day}::date + 1`,
      ),
    );
  return rows.filter((r) =>
    isSurveyDue(
      surveyDueAt(r.level as 1 | 3, r.endDate, r.timeZone, r.delayMonths),
      now,
      SURVEY_OPEN_DAYS,
    ),
  );
}

export interface SurveyRun {
  sessionCode: string;
  level: number;
  participants: number;
  supervisors: number;
}

/**
 * Sends every survey that is due at `now`: level 1 once a session has ended in its venue's time
 * zone, level 3 the activity's delay later (with the supervisors the registrar named). One
 * transaction per session and level; invitations are unique per person and level, so runs on
 * several servers, or a run repeated, invite nobody twice.
 */
export async function sendDueSurveys(db: Database, now = new Date()): Promise<SurveyRun[]> {
  const runs: SurveyRun[] = [];
  for (const due of await candidates(db, now)) {
    const facts: SurveyFacts = {
      sessionId: due.sessionId,
      sessionCode: due.sessionCode,
      startDate: due.startDate,
      endDate: due.endDate,
      activityTitle: due.activityTitle as LocalizedText,
      templateId: due.templateId,
      templateTitle: due.templateTitle,
      level: due.level as 1 | 3,
    };
    const run = await db.transaction(async (tx) => {
      const invited = await inviteParticipants(tx, facts, now);
      let supervisors = 0;
      if (facts.level === 3) {
        const pending = await tx
          .select()
          .from(surveyInvitations)
          .where(
            and(
              eq(surveyInvitations.sessionId, facts.sessionId),
              eq(surveyInvitations.level, 3),
              eq(surveyInvitations.respondent, 'supervisor'),
              isNull(surveyInvitations.tokenHash),
            ),
          )
          .for('update', { skipLocked: true });
        for (const invitation of pending) {
          if (await sendSupervisor(tx, facts, invitation, now)) supervisors += 1;
        }
      }
      if (invited + supervisors > 0) {
        await recordAudit(systemContext(tx, 'survey-scheduler'), {
          action: 'survey.sent',
          entityType: 'session',
          entityId: facts.sessionId,
          after: { level: facts.level, participants: invited, supervisors },
        });
      }
      return {
        sessionCode: facts.sessionCode,
        level: facts.level,
        participants: invited,
        supervisors,
      };
    });
    if (run.participants + run.supervisors > 0) runs.push(run);
  }
  return runs;
}
