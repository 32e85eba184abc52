import { and, eq, lt, sql } from 'drizzle-orm';
import type { SessionInput } from '../../../contract/sessions.js';
import type { Database } from '../../db/client.js';
import {
  nominations,
  participants,
  sessionQuotas,
  trainingSessions,
} from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import { sessionInput } from '../sessions/test-data.js';

/** An announced session (nations see it), planned by the system. */
export async function announcedSession(
  db: Database,
  code: string,
  activityCode: string,
  overrides: Partial<SessionInput> = {},
): Promise<string> {
  await db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'seed');
    await createSession(ctx, sessionInput(code, activityCode, overrides));
    await transitionSession(ctx, code, { to: 'announced' });
  });
  const [row] = await db
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(eq(trainingSessions.code, code));
  if (!row) throw new Error(`no session ${code}`);
  return row.id;
}

export interface Person {
  familyNameLatin: string;
  givenNamesLatin?: string;
  familyNameArabic?: string | null;
  givenNamesArabic?: string | null;
  rankCode?: string;
  rankTitle?: string | null;
  userId?: string | null;
}

/**
 * A participant and their nomination, inserted directly as the nominations service would leave
 * them: `selected` nominations hold a quota seat, any other status none.
 */
export async function makeNomination(
  db: Database,
  sessionId: string,
  nationCode: string,
  person: Person,
  status = 'selected',
): Promise<string> {
  const [participant] = await db
    .insert(participants)
    .values({
      nationCode,
      familyNameLatin: person.familyNameLatin,
      givenNamesLatin: person.givenNamesLatin ?? 'Ahmad',
      familyNameArabic: person.familyNameArabic ?? null,
      givenNamesArabic: person.givenNamesArabic ?? null,
      rankCode: person.rankCode ?? 'OF-3',
      rankTitle: person.rankTitle ?? null,
      languageProfiles: [],
      userId: person.userId ?? null,
    })
    .returning({ id: participants.id });
  if (!participant) throw new Error('participant insert returned nothing');
  // A selected nomination holds its seat in the counters too (the nation's quota while it has
  // room, else the open pool), so cancelling or withdrawing it later gives back a real seat.
  const seatSource = status === 'selected' ? await takeSeat(db, sessionId, nationCode) : null;
  const [nomination] = await db
    .insert(nominations)
    .values({
      sessionId,
      participantId: participant.id,
      nationCode,
      status,
      seatSource,
      eligibility: { lines: [], eligible: true },
    })
    .returning({ id: nominations.id });
  if (!nomination) throw new Error('nomination insert returned nothing');
  return nomination.id;
}

async function takeSeat(
  db: Database,
  sessionId: string,
  nationCode: string,
): Promise<'quota' | 'pool'> {
  const fromQuota = await db
    .update(sessionQuotas)
    .set({ taken: sql`${sessionQuotas.taken} + 1` })
    .where(
      and(
        eq(sessionQuotas.sessionId, sessionId),
        eq(sessionQuotas.nationCode, nationCode),
        lt(sessionQuotas.taken, sessionQuotas.seats),
      ),
    )
    .returning({ taken: sessionQuotas.taken });
  const source = fromQuota.length > 0 ? 'quota' : 'pool';
  await db
    .update(trainingSessions)
    .set({
      seatsTaken: sql`${trainingSessions.seatsTaken} + 1`,
      ...(source === 'pool' ? { poolTaken: sql`${trainingSessions.poolTaken} + 1` } : {}),
    })
    .where(eq(trainingSessions.id, sessionId));
  return source;
}
