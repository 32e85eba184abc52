import { eq } from 'drizzle-orm';
import { type Session as Browser, signIn, type TestApp } from '../../../../test/support/app.js';
import { makeUser } from '../../../../test/support/factories.js';
import type { SurveyTemplateInput } from '../../../contract/surveys.js';
import type { Database } from '../../db/client.js';
import { nominations, participants, trainingSessions } from '../../db/schema/index.js';
import { makePerson, openSession } from '../nominations/test-fixtures.js';

/** A level-1 template with one question of each kind. */
export function level1Template(code: string, anonymous = false): SurveyTemplateInput {
  return {
    code,
    title: { en: 'End of course', fr: 'Fin de stage', ar: 'نهاية الدورة' },
    level: 1,
    anonymous,
    questions: [
      {
        id: 'overall',
        kind: 'scale',
        text: { en: 'Overall', fr: 'Dans l’ensemble', ar: 'بشكل عام' },
        required: true,
      },
      {
        id: 'pace',
        kind: 'single',
        text: { en: 'Pace', fr: 'Rythme', ar: 'الوتيرة' },
        options: [
          { en: 'Too slow', ar: 'بطيئة' },
          { en: 'Right', ar: 'مناسبة' },
          { en: 'Too fast', ar: 'سريعة' },
        ],
        required: true,
      },
      {
        id: 'useful',
        kind: 'multiple',
        text: { en: 'Most useful' },
        options: [{ en: 'Lectures' }, { en: 'Exercises' }, { en: 'Visits' }],
        required: false,
      },
      { id: 'comments', kind: 'text', text: { en: 'Comments' }, required: false },
    ],
  };
}

export function level3Template(code: string): SurveyTemplateInput {
  return {
    code,
    title: { en: 'Six months on', ar: 'بعد ستة أشهر' },
    level: 3,
    anonymous: false,
    questions: [{ id: 'applied', kind: 'scale', text: { en: 'Applied at work' }, required: true }],
  };
}

export interface Attendee {
  nominationId: string;
  participantId: string;
  browser: Browser;
}

/**
 * A session of the activity that ran in Kuwait and ended on `endDate`, with `count` selected
 * participants per nation, each with an account of their own, signed in.
 */
export async function endedSession(
  t: TestApp,
  code: string,
  activityCode: string,
  endDate: string,
  people: { nationCode: string; withAccount?: boolean }[],
): Promise<{ sessionId: string; attendees: Attendee[] }> {
  const db: Database = t.db.db;
  const sessionId = await openSession(db, code, activityCode);
  const attendees: Attendee[] = [];
  for (const person of people) {
    const participantId = await makePerson(db, person.nationCode);
    const [row] = await db
      .insert(nominations)
      .values({
        sessionId,
        participantId,
        nationCode: person.nationCode,
        status: 'selected',
        seatSource: 'pool',
        eligibility: { lines: [], eligible: true },
      })
      .returning({ id: nominations.id });
    if (!row) throw new Error('nomination insert returned nothing');
    if (person.withAccount === false) continue;
    const user = await makeUser(db, ['participant'], person.nationCode);
    await db
      .update(participants)
      .set({ userId: user.id })
      .where(eq(participants.id, participantId));
    attendees.push({
      nominationId: row.id,
      participantId,
      browser: await signIn(t.app, user.email, user.password),
    });
  }
  await db
    .update(trainingSessions)
    .set({ startDate: addDaysTo(endDate, -4), endDate, status: 'completed' })
    .where(eq(trainingSessions.id, sessionId));
  return { sessionId, attendees };
}

function addDaysTo(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
