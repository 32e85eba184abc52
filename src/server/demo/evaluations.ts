import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { SurveyAnswer } from '../../contract/surveys.js';
import { SURVEY_OPEN_DAYS } from '../../contract/surveys.js';
import { checkAnswers, closesAt, type QuestionRule, surveyDueAt } from '../../domain/surveys.js';
import type { Tx } from '../db/client.js';
import {
  activities,
  activitySurveys,
  nominations,
  participants,
  surveyInvitations,
  surveyResponses,
  surveyTemplates,
  trainingSessions,
  users,
  venues,
} from '../db/schema/index.js';

/** Rows per insert: well under PostgreSQL's 65,535 bind parameters at ten columns a row. */
const CHUNK = 2_000;
const DAY_MS = 86_400_000;

/** Scale answers leaning to "good", as end-of-course evaluations do, with the odd low mark. */
const SCALE = [4, 5, 4, 3, 5, 4, 4, 2, 5, 4, 3, 5, 4];

/** Free-text comments in the centre's three languages; only some respondents write one. */
const COMMENTS = [
  'More time for the syndicate exercises, please.',
  'Les études de cas étaient très pertinentes pour notre travail.',
  'المحاضرون متميزون، ونرجو توزيع المواد قبل بداية الدورة.',
  'The visits were the highlight of the course.',
  'Le rythme de la deuxième semaine était un peu trop soutenu.',
  'نقترح تخصيص وقت أطول للتمارين العملية والنقاش.',
];

/**
 * One respondent's answers to `questions`, varied by `serial` (the respondent) and `offset`
 * (the session, so that sessions' means differ): scales mostly 4-5, the middle option of a
 * single choice most often, one or two options of a multiple choice, a comment now and then.
 */
export function demoAnswers(
  questions: readonly QuestionRule[],
  serial: number,
  offset: number,
): Record<string, SurveyAnswer> {
  const answers: Record<string, SurveyAnswer> = {};
  questions.forEach((q, index) => {
    const options = q.options?.length ?? 0;
    const required = q.required !== false;
    const pick = serial * 7 + index * 3 + offset;
    switch (q.kind) {
      case 'scale':
        answers[q.id] = SCALE[pick % SCALE.length] ?? 4;
        break;
      case 'single':
        answers[q.id] = pick % 3 === 0 ? pick % options : Math.floor((options - 1) / 2);
        break;
      case 'multiple': {
        if (!required && pick % 4 === 0) break;
        const first = pick % options;
        const second = (first + 1 + (serial % (options - 1 || 1))) % options;
        answers[q.id] = serial % 2 === 0 || second === first ? [first] : [first, second];
        break;
      }
      case 'text':
        if (required || (serial + offset) % 3 === 0) {
          const comment = Math.floor((serial + offset) / 3) % COMMENTS.length;
          answers[q.id] = COMMENTS[comment] ?? '';
        }
        break;
    }
  });
  return answers;
}

/** Positions in 0..count-1 of `missing` respondents spread evenly, not all at the end. */
function silentPositions(count: number, missing: number): Set<number> {
  return new Set(
    Array.from({ length: missing }, (_, j) => Math.floor(((j + 0.5) * count) / missing)),
  );
}

type Invitation = typeof surveyInvitations.$inferInsert;
type Response = typeof surveyResponses.$inferInsert;

/**
 * Level-1 evaluations of the past sessions, as if the survey scheduler had sent them when each
 * session ended: for every completed session with results whose course is evaluated at level 1
 * and which has no level-1 invitation yet (the one `loadDemoSurveys` prepares keeps its own),
 * an invitation per participant who attended (as `inviteParticipants` would), 70-80% of them
 * answered within the month, with answers the template accepts. An anonymous template's
 * answers are stored as the surveys feature stores them: no invitation, the time cut to the
 * day. No e-mail or notification is queued: these surveys closed long ago. One select and a
 * few bulk inserts; a rerun finds nothing left to invite.
 */
export async function loadDemoEvaluations(
  tx: Tx,
  now: Date,
): Promise<{ sessions: number; invitations: number; responses: number }> {
  const rows = await tx
    .select({
      sessionId: trainingSessions.id,
      endDate: trainingSessions.endDate,
      timeZone: venues.timeZone,
      templateId: surveyTemplates.id,
      anonymous: surveyTemplates.anonymous,
      questions: surveyTemplates.questions,
      nominationId: nominations.id,
      email: sql<string | null>`coalesce(${users.email}, ${participants.email})`,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(
      activitySurveys,
      and(eq(activitySurveys.activityId, activities.id), eq(activitySurveys.level, 1)),
    )
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, activitySurveys.templateId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(trainingSessions.status, 'completed'),
        eq(nominations.status, 'selected'),
        isNotNull(nominations.result),
        // A no-show or a withdrawn participant is not asked, as in inviteParticipants.
        notInArray(nominations.result, ['no-show', 'withdrawn']),
        sql`1 = any(${activities.evaluationLevels})`,
        sql`not exists (select 1 from ${surveyInvitations} where ${surveyInvitations.sessionId} = ${trainingSessions.id} and ${surveyInvitations.level} = 1)`,
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.id), asc(nominations.id));

  const bySession = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = bySession.get(row.sessionId) ?? [];
    list.push(row);
    bySession.set(row.sessionId, list);
  }

  const invitations: Invitation[] = [];
  const responses: Response[] = [];
  let serial = 0;
  [...bySession.values()].forEach((invitees, sessionIndex) => {
    const first = invitees[0];
    if (!first) return;
    // Sent when the session ended in its venue's time zone, as the scheduler sends it.
    const due = surveyDueAt(1, first.endDate, first.timeZone, null);
    const sentAt = due < now ? due : now;
    const closes = closesAt(sentAt, SURVEY_OPEN_DAYS);
    const latest = Math.min(now.getTime(), closes.getTime() - 1);
    // 70%, 75% or 80% answer, session by session.
    const rate = 0.7 + (sessionIndex % 3) * 0.05;
    const silent = silentPositions(
      invitees.length,
      invitees.length - Math.round(invitees.length * rate),
    );
    invitees.forEach((invitee, position) => {
      serial += 1;
      const id = randomUUID();
      let answeredAt: Date | null = null;
      if (!silent.has(position)) {
        const after = (1 + (serial % 12)) * DAY_MS + (serial % 9) * 3_600_000;
        const at = sentAt.getTime() + after;
        // A session that ended days ago has its answers spread over the days since.
        answeredAt = new Date(
          at <= latest
            ? at
            : sentAt.getTime() + ((latest - sentAt.getTime()) * (1 + (serial % 9))) / 10,
        );
      }
      invitations.push({
        id,
        sessionId: invitee.sessionId,
        nominationId: invitee.nominationId,
        templateId: invitee.templateId,
        level: 1,
        respondent: 'participant',
        email: invitee.email,
        sentAt,
        closesAt: closes,
        answeredAt,
      });
      if (!answeredAt) return;
      const checked = checkAnswers(
        invitee.questions,
        demoAnswers(invitee.questions, serial, sessionIndex),
      );
      if (!checked.ok) {
        throw new Error(`demo answers do not fit: ${JSON.stringify(checked.problems)}`);
      }
      const day = new Date(`${answeredAt.toISOString().slice(0, 10)}T00:00:00Z`);
      responses.push({
        sessionId: invitee.sessionId,
        templateId: invitee.templateId,
        level: 1,
        respondent: 'participant',
        // Anonymous answers keep no link to the invitation, and only the day (docs/decisions.md).
        invitationId: invitee.anonymous ? null : id,
        // The column is typed for the first draft of answers; choices are stored as positions.
        answers: checked.answers as unknown as Response['answers'],
        submittedAt: invitee.anonymous ? day : answeredAt,
      });
    });
  });

  for (let i = 0; i < invitations.length; i += CHUNK) {
    await tx.insert(surveyInvitations).values(invitations.slice(i, i + CHUNK));
  }
  for (let i = 0; i < responses.length; i += CHUNK) {
    await tx.insert(surveyResponses).values(responses.slice(i, i + CHUNK));
  }
  return { sessions: bySession.size, invitations: invitations.length, responses: responses.length };
}
