import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../contract/common.js';
import type { SurveyAnswers, SurveyTemplateInput } from '../../contract/surveys.js';
import { checkAnswers } from '../../domain/surveys.js';
import type { Tx } from '../db/client.js';
import {
  activities,
  nominations,
  participants,
  surveyInvitations,
  surveyTemplates,
  trainingSessions,
} from '../db/schema/index.js';
import { type ServiceContext, systemContext } from '../features/context.js';
import { applyTransition, createNomination } from '../features/nominations/service.js';
import { insertResponse, markAnswered } from '../features/surveys/invitation-queries.js';
import { inviteParticipants } from '../features/surveys/sending.js';
import { attachSurvey, createTemplate } from '../features/surveys/templates.js';
import { createUser } from '../features/users/service.js';
import { AppError } from '../http/errors.js';

/** The demo participant who has a level-1 survey waiting; the browser tests sign in as them. */
export const DEMO_PARTICIPANT_EMAIL = 'participant@rabita.example';

const LEVEL_1: SurveyTemplateInput = {
  code: 'L1-STANDARD',
  title: {
    en: 'End-of-course evaluation',
    fr: 'Évaluation de fin de stage',
    ar: 'تقييم نهاية الدورة',
  },
  level: 1,
  anonymous: false,
  questions: [
    {
      id: 'overall',
      kind: 'scale',
      text: {
        en: 'Overall, how would you rate the course?',
        fr: 'Dans l’ensemble, comment évaluez-vous le stage ?',
        ar: 'بشكل عام، كيف تقيّمون الدورة؟',
      },
      required: true,
    },
    {
      id: 'objectives',
      kind: 'scale',
      text: {
        en: 'The course met its stated objectives.',
        fr: 'Le stage a atteint ses objectifs annoncés.',
        ar: 'حققت الدورة أهدافها المعلنة.',
      },
      required: true,
    },
    {
      id: 'pace',
      kind: 'single',
      text: { en: 'The pace was…', fr: 'Le rythme était…', ar: 'كانت وتيرة الدورة…' },
      options: [
        { en: 'Too slow', fr: 'Trop lent', ar: 'بطيئة جدًا' },
        { en: 'About right', fr: 'Adapté', ar: 'مناسبة' },
        { en: 'Too fast', fr: 'Trop rapide', ar: 'سريعة جدًا' },
      ],
      required: true,
    },
    {
      id: 'useful',
      kind: 'multiple',
      text: {
        en: 'Which parts were most useful?',
        fr: 'Quelles parties ont été les plus utiles ?',
        ar: 'ما الأجزاء الأكثر فائدة؟',
      },
      options: [
        { en: 'Lectures', fr: 'Exposés', ar: 'المحاضرات' },
        { en: 'Syndicate exercises', fr: 'Travaux en groupe', ar: 'التمارين الجماعية' },
        { en: 'Case studies', fr: 'Études de cas', ar: 'دراسات الحالة' },
        { en: 'Visits', fr: 'Visites', ar: 'الزيارات' },
      ],
      required: false,
    },
    {
      id: 'comments',
      kind: 'text',
      text: {
        en: 'What should we improve?',
        fr: 'Que devrions-nous améliorer ?',
        ar: 'ما الذي ينبغي أن نحسّنه؟',
      },
      required: false,
    },
  ],
};

const LEVEL_3: SurveyTemplateInput = {
  code: 'L3-FOLLOW-UP',
  title: {
    en: 'Six months on: applying what was learned',
    fr: 'Six mois après : mise en pratique',
    ar: 'بعد ستة أشهر: تطبيق ما تم تعلّمه',
  },
  level: 3,
  anonymous: false,
  questions: [
    {
      id: 'applied',
      kind: 'scale',
      text: {
        en: 'How much of the course is applied in the daily work?',
        fr: 'Dans quelle mesure le stage est-il appliqué dans le travail quotidien ?',
        ar: 'إلى أي مدى يُطبَّق محتوى الدورة في العمل اليومي؟',
      },
      required: true,
    },
    {
      id: 'example',
      kind: 'text',
      text: {
        en: 'An example of what changed',
        fr: 'Un exemple de ce qui a changé',
        ar: 'مثال على ما تغيّر',
      },
      required: false,
    },
  ],
};

const DEMO_ANSWERS: SurveyAnswers[] = [
  { overall: 5, objectives: 4, pace: 1, useful: [1, 2], comments: 'More time for the exercises.' },
  { overall: 4, objectives: 4, pace: 1, useful: [0, 1] },
  { overall: 4, objectives: 5, pace: 2, useful: [2], comments: 'Excellent case studies.' },
  { overall: 3, objectives: 3, pace: 2, comments: 'يحتاج الجدول إلى وقت أطول للنقاش.' },
  { overall: 5, objectives: 5, pace: 1, useful: [1, 3] },
];

/**
 * Evaluations that make the demo speak: the standard level-1 and level-3 templates on every
 * course that uses those levels; on the latest completed session, a participant account of
 * its own (`participant@rabita.example`) with its level-1 survey waiting, and most of the
 * other participants' answers already in, so the results page has charts and text.
 */
export async function loadDemoSurveys(
  tx: Tx,
  now: Date,
  password: string,
): Promise<{ email: string; displayName: string; nationCode: string } | null> {
  const ctx = systemContext(tx, 'demo');
  const l1 = await createTemplate(ctx, LEVEL_1);
  await createTemplate(ctx, LEVEL_3);
  const courses = await tx
    .select({ code: activities.code, levels: activities.evaluationLevels })
    .from(activities)
    .orderBy(asc(activities.code));
  for (const course of courses) {
    if (course.levels.includes(1)) {
      await attachSurvey(ctx, course.code, 1, { templateCode: LEVEL_1.code });
    }
    if (course.levels.includes(3)) {
      await attachSurvey(ctx, course.code, 3, {
        templateCode: LEVEL_3.code,
        delayMonths: 6,
        askSupervisor: true,
      });
    }
  }

  const today = now.toISOString().slice(0, 10);
  const [session] = await tx
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      title: activities.title,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        eq(trainingSessions.status, 'completed'),
        lt(trainingSessions.endDate, today),
        arrayContains(activities.evaluationLevels, [1]),
      ),
    )
    .orderBy(desc(trainingSessions.endDate))
    .limit(1);
  if (!session) return null;

  const [person] = await tx
    .select({
      id: participants.id,
      nationCode: participants.nationCode,
      name: participants.givenNamesLatin,
      family: participants.familyNameLatin,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(
      and(
        eq(nominations.sessionId, session.id),
        eq(nominations.status, 'selected'),
        eq(nominations.result, 'completed'),
        isNull(participants.userId),
      ),
    )
    // Someone already selected for a session to come first, so their home has both halves.
    .orderBy(desc(hasSessionToCome(today)), asc(participants.familyNameLatin))
    .limit(1);
  let account: { email: string; displayName: string; nationCode: string } | null = null;
  if (person) {
    const displayName = `${person.name} ${person.family}`;
    const user = await createUser(ctx, {
      email: DEMO_PARTICIPANT_EMAIL,
      displayName,
      roles: ['participant'],
      nationCode: person.nationCode,
      password,
      locale: 'en',
    });
    await tx.update(participants).set({ userId: user.id }).where(eq(participants.id, person.id));
    await seatOnASessionToCome(ctx, person.id, today, now);
    account = { email: DEMO_PARTICIPANT_EMAIL, displayName, nationCode: person.nationCode };
  }

  await inviteParticipants(
    tx,
    {
      sessionId: session.id,
      sessionCode: session.code,
      startDate: session.startDate,
      endDate: session.endDate,
      activityTitle: session.title as LocalizedText,
      templateId: l1.id,
      templateTitle: l1.title,
      level: 1,
    },
    now,
  );
  const invitations = await tx
    .select({ id: surveyInvitations.id, nominationId: surveyInvitations.nominationId })
    .from(surveyInvitations)
    .innerJoin(nominations, eq(nominations.id, surveyInvitations.nominationId))
    .where(and(eq(surveyInvitations.sessionId, session.id), eq(surveyInvitations.level, 1)))
    .orderBy(asc(nominations.id));
  const [template] = await tx.select().from(surveyTemplates).where(eq(surveyTemplates.id, l1.id));
  if (!template) return account;
  const own = person
    ? (
        await tx
          .select({ id: nominations.id })
          .from(nominations)
          .where(
            and(eq(nominations.sessionId, session.id), eq(nominations.participantId, person.id)),
          )
      ).map((n) => n.id)
    : [];
  // Everyone but the demo participant and the last one answers, so both lists show something.
  const answering = invitations.filter((i) => !own.includes(i.nominationId)).slice(0, -1);
  for (const [index, invitation] of answering.entries()) {
    const checked = checkAnswers(
      template.questions,
      DEMO_ANSWERS[index % DEMO_ANSWERS.length] ?? {},
    );
    if (!checked.ok) throw new Error(`demo answers do not fit ${template.code}`);
    await markAnswered(tx, invitation.id, now);
    await insertResponse(tx, {
      sessionId: session.id,
      templateId: template.id,
      level: 1,
      respondent: 'participant',
      invitationId: invitation.id,
      answers: checked.answers,
      submittedAt: now,
    });
  }
  return account;
}

/**
 * Whether the participant row is selected for a session that still runs after today (strictly
 * after: the home reads "today" in the venue's time zone, which may be a day ahead of UTC).
 */
function hasSessionToCome(today: string) {
  return sql<boolean>`exists (
    select 1 from ${nominations} n
    join ${trainingSessions} s on s.id = n.session_id
    where n.participant_id = ${participants.id} and n.status = 'selected'
      and s.end_date > ${today} and s.status not in ('cancelled', 'completed'))`;
}

/**
 * The demo participant's home promises "your next session": when the nominations handed them
 * none, they are nominated and selected through the services on the first session to come whose
 * rules admit them, so the promise holds whatever day the demo is loaded.
 */
async function seatOnASessionToCome(
  ctx: ServiceContext,
  participantId: string,
  today: string,
  now: Date,
): Promise<void> {
  const [already] = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), hasSessionToCome(today)));
  if (already) return;
  const candidates = await ctx.tx
    .select({ code: trainingSessions.code })
    .from(trainingSessions)
    .where(
      and(
        inArray(trainingSessions.status, ['announced', 'confirmed']),
        gte(trainingSessions.nominationDeadline, now),
      ),
    )
    .orderBy(asc(trainingSessions.startDate));
  for (const { code } of candidates) {
    try {
      // A savepoint: a refusal (rules, quota, another session the same days) must not abort
      // the demo transaction; the next session is tried.
      await ctx.tx.transaction(async (sp) => {
        const inner = { ...ctx, tx: sp };
        const created = await createNomination(
          inner,
          { sessionCode: code, participantId, motivation: null, submit: true, priority: null },
          now,
        );
        await applyTransition(inner, created.id, { action: 'select' }, now);
      });
      return;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}
