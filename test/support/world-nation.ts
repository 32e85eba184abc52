import { eq } from 'drizzle-orm';
import { participants, surveyInvitations } from '../../src/server/db/schema/index.js';
import { setResult } from '../../src/server/features/certificates/test-data.js';
import type { Attendee } from '../../src/server/features/surveys/test-fixtures.js';
import type { TestApp } from './app.js';
import { type Caller, send } from './callers.js';
import type { NationCode, NationRecords } from './world.js';

/** The body of a successful answer, or a failed world with what answered what. */
export async function ok(
  response: Promise<{ statusCode: number; body: string }>,
  what: string,
): Promise<Record<string, unknown>> {
  const r = await response;
  if (r.statusCode >= 300) throw new Error(`world: ${what} answered ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body) as Record<string, unknown>;
}

/**
 * One nation's records around its attendee of the ended session, each holding the nation's
 * marker: the person's names, a certificate, a visa letter, logistics notes, a free-text survey answer, a
 * point of contact and a programme. Made through the API where a route makes them.
 */
export async function seedNationRecords(
  t: TestApp,
  input: {
    nation: NationCode;
    attendee: Attendee;
    npoc: Caller;
    staff: Caller;
    activityId: string;
  },
): Promise<NationRecords> {
  const { nation, attendee, npoc, staff, activityId } = input;
  const db = t.db.db;
  const marker = `${nation === 'KWT' ? 'Kwt' : 'Qat'}secret`;
  const nomination = `/api/v1/nominations/${attendee.nominationId}`;
  await db
    .update(participants)
    .set({ familyNameLatin: `Al-${marker}`, givenNamesLatin: marker, familyNameArabic: marker })
    .where(eq(participants.id, attendee.participantId));
  await setResult(db, attendee.nominationId, 'completed');
  const certificate = await ok(
    send(t.app, staff, 'POST', `${nomination}/certificate`),
    'certificate',
  );
  const logistics = {
    notes: `${marker} lodging notes`,
    dietaryNeeds: `${marker} diet`,
    passportNumber: nation === 'KWT' ? 'K1234567' : 'Q7654321',
  };
  await ok(send(t.app, npoc, 'PUT', `${nomination}/logistics`, logistics), 'logistics');
  const letter = await ok(send(t.app, staff, 'POST', `${nomination}/visa-letter`), 'visa letter');
  const [invitation] = await db
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.nominationId, attendee.nominationId));
  if (!invitation) throw new Error('world: no survey invitation');
  const answers = { overall: 4, pace: 1, comments: `${marker} free-text answer` };
  const answerUrl = `/api/v1/surveys/invitations/${invitation.id}/answers`;
  await ok(send(t.app, attendee.browser, 'POST', answerUrl, { answers }), 'survey answer');
  const contact = await ok(
    send(t.app, npoc, 'POST', `/api/v1/nations/${nation}/contacts`, { name: `${marker} Contact` }),
    'contact',
  );
  const planned = [{ activityId, years: [2027], seatsPlanned: 2 }];
  const goals = [{ title: { en: `${marker} goal` }, plannedActivities: planned }];
  const programme = await ok(
    send(t.app, npoc, 'POST', '/api/v1/programmes', {
      nationCode: nation,
      title: { en: `${marker} programme` },
      startYear: 2027,
      endYear: 2029,
      objectives: [{ title: { en: `${marker} objective` }, goals }],
    }),
    'programme',
  );
  const file = `Family name (Latin),Given names (Latin),Rank\r\nAl-${marker},${marker},OF-3\r\n`;
  const upload = await ok(
    send(t.app, npoc, 'POST', '/api/v1/imports', {
      kind: 'people',
      fileName: `${marker}.csv`,
      content: Buffer.from(file).toString('base64'),
    }),
    'import',
  );
  return {
    importId: String(upload.id),
    participantId: attendee.participantId,
    nominationId: attendee.nominationId,
    certificateId: String(certificate.id),
    letterId: String((letter.letter as { id: string }).id),
    invitationId: invitation.id,
    programmeId: String(programme.id),
    contactId: String(contact.id),
    marker,
  };
}
