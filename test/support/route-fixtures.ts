import { addDays, workingDaysBetween } from '../../src/domain/venue-calendar.js';
import { KUWAIT } from '../../src/server/features/sessions/test-data.js';
import {
  ACTIVITY,
  ENDED_SESSION,
  type NationCode,
  type NationRecords,
  OPEN_SESSION,
  SURVEY_TEMPLATE,
  type World,
} from './world.js';

/** Where an operation's path and required query values come from in the fixture world. */
export interface RouteFixture {
  /** Path values; `n` is the records of the nation the call is about. */
  params?: (w: World, n: NationRecords, nation: NationCode) => Record<string, string>;
  query?: (w: World, n: NationRecords, nation: NationCode) => Record<string, string>;
  /**
   * The record belongs to the nation: a nation-bound caller of another nation must get 404 on
   * a GET, as if it did not exist, and never succeed in a write. Without it the call is still
   * made for both nations when its values depend on the nation, and what a GET returns is
   * checked for the other nation's markers.
   */
  nationOwned?: boolean;
  /** The world holds no record here on purpose (see the entry): every caller may get 404. */
  unknownRecord?: boolean;
}

const UNKNOWN_UUID = '0b7c2a56-0000-4000-8000-000000000000';
const session = { params: () => ({ code: ENDED_SESSION }) };
const sessionLevel = { params: () => ({ code: ENDED_SESSION, level: '1' }) };
const csv = { query: () => ({ format: 'csv' }) };
const nomination: RouteFixture = {
  params: (_w, n) => ({ id: n.nominationId }),
  nationOwned: true,
};
const certificate: RouteFixture = {
  params: (_w, n) => ({ id: n.certificateId }),
  nationOwned: true,
};
const letter: RouteFixture = {
  params: (_w, n) => ({ id: n.letterId }),
  nationOwned: true,
};
const programme: RouteFixture = { params: (_w, n) => ({ id: n.programmeId }), nationOwned: true };
const invitation: RouteFixture = {
  params: (_w, n) => ({ id: n.invitationId }),
  nationOwned: true,
};
const template = { params: () => ({ event: 'certificate-issued', locale: 'en' }) };
// A supervisor's link exists only in the e-mail that carries it: the world knows none.
const publicSurvey = {
  params: () => ({ token: 'unknown-token-of-thirty-chars' }),
  unknownRecord: true,
};

/**
 * Every operation that needs a value to be called, by its OpenAPI path. A new route with a path
 * parameter or a required query value fails the matrix and the fuzz tests until it is added.
 */
export const ROUTE_FIXTURES: Record<string, RouteFixture> = {
  '/api/v1/auth/tokens/{id}': { params: () => ({ id: UNKNOWN_UUID }) },
  // The world sets up no identity provider: the start of a sign-in is sent back to the sign-in
  // page, an administrator's read or change of one is a 404 (sso.test.ts has the real ones).
  '/api/v1/auth/oidc/{key}/start': { params: () => ({ key: 'none' }), unknownRecord: true },
  '/api/v1/identity-providers/{id}': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  // The world registers no webhook endpoint (webhooks.test.ts has real ones and a receiver).
  '/api/v1/webhooks/{id}': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/webhooks/{id}/secret': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/webhooks/{id}/test': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/webhooks/{id}/deliveries': {
    params: () => ({ id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/webhooks/deliveries/{deliveryId}/resend': {
    params: () => ({ deliveryId: 'msg_0000000000unknown' }),
    unknownRecord: true,
  },
  // Without a sign-in under way, the provider's return is sent back to the sign-in page.
  '/api/v1/auth/oidc/callback': { unknownRecord: true },
  '/api/v1/auth/second-factors/passkeys/{id}': {
    params: () => ({ id: 'no-such-passkey' }),
    unknownRecord: true,
  },
  // An unknown user: a reset of a caller's factors would end the session the matrix calls with.
  '/api/v1/users/{id}/second-factors': {
    params: () => ({ id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/users/staff': { query: () => ({ role: 'instructor' }) },
  '/api/v1/users/{id}': { params: (w) => ({ id: w.userId }) },
  '/api/v1/users/{id}/reset-password': { params: (w) => ({ id: w.userId }) },
  '/api/v1/nations/{code}': { params: (_w, _n, nation) => ({ code: nation }), nationOwned: true },
  '/api/v1/nations/{code}/contacts': {
    params: (_w, _n, nation) => ({ code: nation }),
    nationOwned: true,
  },
  '/api/v1/nations/{code}/contacts/{id}': {
    params: (_w, n, nation) => ({ code: nation, id: n.contactId }),
    nationOwned: true,
  },
  '/api/v1/institutions/{code}': { params: () => ({ code: 'NIRC' }) },
  '/api/v1/disciplines/{code}': { params: () => ({ code: 'CT' }) },
  '/api/v1/activities/{code}': { params: () => ({ code: ACTIVITY }) },
  '/api/v1/venues/{code}': { params: () => ({ code: 'KWI-NIRC' }) },
  '/api/v1/sessions/{code}': session,
  '/api/v1/sessions/{code}/transitions': session,
  '/api/v1/calendar/{file}': { params: (w) => ({ file: w.calendarFile }) },
  // The nation's marker is its person's name: found for that nation's readers and the centre,
  // never for the other nation's.
  '/api/v1/search': { query: (_w, n) => ({ q: n.marker }) },
  '/api/v1/participants/{id}': { params: (_w, n) => ({ id: n.participantId }), nationOwned: true },
  '/api/v1/imports/templates/{kind}': { params: () => ({ kind: 'people' }) },
  '/api/v1/imports/{id}': { params: (_w, n) => ({ id: n.importId }), nationOwned: true },
  '/api/v1/imports/{id}/check': { params: (_w, n) => ({ id: n.importId }), nationOwned: true },
  '/api/v1/imports/{id}/commit': { params: (_w, n) => ({ id: n.importId }), nationOwned: true },
  '/api/v1/imports/{id}/undo': { params: (_w, n) => ({ id: n.importId }), nationOwned: true },
  '/api/v1/nominations/{id}': nomination,
  '/api/v1/nominations/{id}/transitions': nomination,
  '/api/v1/nominations/{id}/override': nomination,
  '/api/v1/nominations/{id}/substitution': nomination,
  '/api/v1/nominations/{id}/logistics': nomination,
  '/api/v1/nominations/{id}/certificate': nomination,
  '/api/v1/sessions/{code}/nominations/bulk': session,
  '/api/v1/sessions/{code}/nominations/priority': session,
  '/api/v1/sessions/{code}/selection-board': session,
  '/api/v1/sessions/{code}/eligibility': {
    params: () => ({ code: OPEN_SESSION }),
    query: (_w, n) => ({ participantIds: n.participantId }),
  },
  '/api/v1/sessions/{code}/logistics': session,
  '/api/v1/sessions/{code}/logistics.csv': session,
  '/api/v1/sessions/{code}/logistics.xlsx': session,
  '/api/v1/message-templates/{event}/{locale}': template,
  '/api/v1/message-templates/{event}/{locale}/preview': template,
  '/api/v1/outbox/{id}': { params: (w) => ({ id: w.outboxId }) },
  '/api/v1/outbox/{id}/retry': { params: (w) => ({ id: w.outboxId }) },
  '/api/v1/outbox/{id}/resend': { params: (w) => ({ id: w.outboxId }) },
  '/api/v1/jobs/{id}/retry': { params: (w) => ({ id: w.failedJobId }) },
  '/api/v1/notifications/{id}/read': { params: () => ({ id: '1' }) },
  '/api/v1/sessions/{code}/attendance': session,
  '/api/v1/sessions/{code}/attendance/check-in-code': {
    ...session,
    // The ended session's last working day: its last calendar day (yesterday in Kuwait) falls
    // on the venue's weekend every Friday and Saturday.
    query: (w) => ({ day: lastWorkingDay(w.sessionEnd) }),
  },
  '/api/v1/sessions/{code}/results': session,
  '/api/v1/sessions/{code}/results/rule': session,
  '/api/v1/sessions/{code}/results/close': session,
  '/api/v1/sessions/{code}/results/reopen': session,
  '/api/v1/sessions/{code}/report': session,
  '/api/v1/sessions/{code}/report/comments': session,
  '/api/v1/sessions/{code}/report.pdf': session,
  // Both nations had officers on the ended session: each NPOC reads its own part.
  '/api/v1/sessions/{code}/nation-report': session,
  '/api/v1/sessions/{code}/nation-report.pdf': session,
  '/api/v1/surveys/templates/{code}': { params: () => ({ code: SURVEY_TEMPLATE }) },
  '/api/v1/activities/{code}/surveys': { params: () => ({ code: ACTIVITY }) },
  '/api/v1/activities/{code}/surveys/{level}': { params: () => ({ code: ACTIVITY, level: '1' }) },
  '/api/v1/sessions/{code}/surveys/{level}/results': sessionLevel,
  '/api/v1/sessions/{code}/surveys/{level}/remind': sessionLevel,
  '/api/v1/sessions/{code}/surveys/supervisors': session,
  '/api/v1/sessions/{code}/surveys/supervisors/{nominationId}': {
    params: (_w, n) => ({ code: ENDED_SESSION, nominationId: n.nominationId }),
  },
  '/api/v1/surveys/invitations/{id}': invitation,
  '/api/v1/surveys/invitations/{id}/answers': invitation,
  '/api/v1/surveys/public/{token}': publicSurvey,
  '/api/v1/surveys/public/{token}/answers': publicSurvey,
  '/api/v1/sessions/{code}/certificates': session,
  '/api/v1/sessions/{code}/certificates.zip': session,
  '/api/v1/certificates/{id}.pdf': certificate,
  '/api/v1/certificates/{id}/badge.json': certificate,
  '/api/v1/certificates/{id}/revoke': certificate,
  '/api/v1/verify/{id}': { params: (_w, n) => ({ id: n.certificateId }) },
  '/api/v1/nominations/{id}/visa-letter': nomination,
  '/api/v1/sessions/{code}/visa-letters': session,
  '/api/v1/visa-letters/{id}.pdf': letter,
  '/api/v1/verify/letters/{id}': { params: (_w, n) => ({ id: n.letterId }) },
  '/api/v1/sessions/{code}/documents': session,
  '/api/v1/activities/{code}/documents': { params: () => ({ code: ACTIVITY }) },
  // Documents are read per document (documents.test.ts walks who may read which).
  '/api/v1/documents/{id}': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/documents/{id}/file': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/public/documents/{id}': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/programmes/{id}': programme,
  '/api/v1/programmes/{id}/outline': programme,
  '/api/v1/programmes/{id}/transitions': programme,
  '/api/v1/programmes/{id}/revisions': programme,
  // The annual plan: the world's year has demand but no plan version until one is run.
  '/api/v1/plans/{year}/demand': { params: () => ({ year: '2027' }) },
  '/api/v1/plans/{year}/versions': { params: () => ({ year: '2027' }) },
  '/api/v1/plans/{year}/versions/{version}': {
    params: () => ({ year: '2027', version: '99' }),
    unknownRecord: true,
  },
  '/api/v1/plans/{year}/versions/{version}/accept': {
    params: () => ({ year: '2027', version: '99' }),
    unknownRecord: true,
  },
  '/api/v1/plans/{year}/versions/{version}/sessions/{sessionId}': {
    params: () => ({ year: '2027', version: '99', sessionId: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/plans/{year}/versions/{version}/sessions/{sessionId}/move': {
    params: () => ({ year: '2027', version: '99', sessionId: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/plans/{year}/versions/{version}/sessions': {
    params: () => ({ year: '2027', version: '99' }),
    unknownRecord: true,
  },
  // The public catalogue of the world's year: anyone reads it, and no nation's records are in it.
  '/api/v1/public-catalogue/{year}': { params: (w) => ({ year: String(w.sessionYear) }) },
  '/api/v1/public-catalogue/{year}.pdf': { params: (w) => ({ year: String(w.sessionYear) }) },
  // Roles and invitations: the world's session is a course (seats by quota, no invitation), and
  // its nominations were never invited, so an answer to one is refused.
  '/api/v1/nominations/{id}/role': nomination,
  '/api/v1/sessions/{code}/invitations': { params: () => ({ code: OPEN_SESSION }) },
  '/api/v1/invitations/{id}/rsvp': nomination,
  '/api/v1/invitations/{id}/withdraw': nomination,
  '/api/v1/plans/{year}/compare': {
    params: () => ({ year: '2027' }),
    query: () => ({ from: '98', to: '99' }),
    unknownRecord: true,
  },
  '/api/v1/sessions/{code}/planned-activities': {
    params: () => ({ code: OPEN_SESSION }),
    query: (_w, _n, nation) => ({ nationCode: nation }),
  },
  // Every list's export: the list's filters are optional, the format is not. The CSV is text,
  // so the matrix reads it for the other nation's markers as it reads a list's JSON.
  '/api/v1/participants/export': csv,
  '/api/v1/nominations/export': csv,
  '/api/v1/sessions/export': csv,
  '/api/v1/activities/export': csv,
  '/api/v1/users/export': csv,
  '/api/v1/audit/export': csv,
  '/api/v1/outbox/export': csv,
  '/api/v1/programmes/export': csv,
  '/api/v1/sessions/{code}/attendance/export': { ...session, ...csv },
  '/api/v1/sessions/{code}/results/export': { ...session, ...csv },
  '/api/v1/sessions/{code}/surveys/{level}/results/export': { ...sessionLevel, ...csv },
  // The world keeps no lecturer and no room (lecturers.test.ts and rooms.test.ts have real
  // ones): reads of the session's lists answer empty, a record by id is a 404.
  '/api/v1/lecturers/{id}': { params: () => ({ id: UNKNOWN_UUID }), unknownRecord: true },
  '/api/v1/sessions/{code}/lecturers': session,
  '/api/v1/sessions/{code}/lecturers/{id}': {
    params: () => ({ code: ENDED_SESSION, id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/venues/{code}/rooms': { params: () => ({ code: 'KWI-NIRC' }) },
  '/api/v1/venues/{code}/rooms/{id}': {
    params: () => ({ code: 'KWI-NIRC', id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/venues/{code}/calendar': {
    params: () => ({ code: 'KWI-NIRC' }),
    query: (w) => ({ from: addDays(w.sessionEnd, -30), to: addDays(w.sessionEnd, 30) }),
  },
  // The world's session has a draft agenda with no item: nations read none of it (404).
  '/api/v1/sessions/{code}/agenda': session,
  '/api/v1/sessions/{code}/agenda.pdf': session,
  '/api/v1/sessions/{code}/agenda/items': session,
  '/api/v1/sessions/{code}/agenda/items/{id}': {
    params: () => ({ code: ENDED_SESSION, id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/sessions/{code}/agenda/publication': session,
  '/api/v1/sessions/{code}/lecturer-letters': session,
  '/api/v1/sessions/{code}/lecturers/{id}/visa-letter': {
    params: () => ({ code: ENDED_SESSION, id: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/sessions/{code}/room': session,
  // A mobile team's travel: the list names the session's staff; nobody unknown is on it.
  '/api/v1/sessions/{code}/staff-travel': session,
  '/api/v1/sessions/{code}/staff-travel/{userId}': {
    params: () => ({ code: ENDED_SESSION, userId: UNKNOWN_UUID }),
    unknownRecord: true,
  },
  '/api/v1/sessions/{code}/interpretation': session,
  '/api/v1/reports/annual/{nationCode}/{year}.pdf': {
    params: (w, _n, nation) => ({ nationCode: nation, year: String(w.sessionYear) }),
    nationOwned: true,
  },
};

/** True when the fixture's values differ per nation, so the call is made for each. */
export function variesByNation(fixture: RouteFixture | undefined, w: World): boolean {
  if (!fixture) return false;
  const [kwt, qat] = (['KWT', 'QAT'] as const).map((nation) =>
    JSON.stringify([
      fixture.params?.(w, w.nations[nation], nation),
      fixture.query?.(w, w.nations[nation], nation),
    ]),
  );
  return kwt !== qat;
}

/** The last working day of the ended session, which spans the five days up to its end date. */
function lastWorkingDay(end: string): string {
  const days = workingDaysBetween(addDays(end, -4), end, KUWAIT.workingDays, []);
  return days.at(-1) ?? end;
}
