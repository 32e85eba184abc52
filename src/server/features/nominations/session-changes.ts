import type { NominationAtChange } from '../../../domain/session-changes.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudits } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';
import { freeSeats, type SeatSource } from './seats.js';

/**
 * Ends every live nomination of a session that is being cancelled, in the cancellation's
 * transaction (the caller holds the session row): each becomes `session-cancelled` with the
 * reason, a held seat goes back to its quota or the pool (the counters stay coherent, the
 * session ends with none taken), and each gets its timeline entry and audit record. Nobody is
 * told here: the cancellation's job does that. Returns the nominations as they were.
 */
export async function endNominationsOfCancelledSession(
  ctx: ServiceContext,
  sessionId: string,
  reason: string,
): Promise<NominationAtChange[]> {
  const ended = await q.endLiveNominations(ctx.tx, sessionId, reason);
  await freeSeats(
    ctx.tx,
    sessionId,
    ended
      .filter((n) => n.status === 'selected' && n.seatSource)
      .map((n) => ({ nationCode: n.nationCode, source: n.seatSource as SeatSource })),
  );
  await q.insertEvents(
    ctx.tx,
    ended.map((n) => ({
      nominationId: n.id,
      actorId: ctx.actor.id,
      action: 'session-cancel',
      fromStatus: n.status,
      toStatus: 'session-cancelled',
      reason,
    })),
  );
  await recordAudits(
    ctx,
    ended.map((n) => ({
      action: 'nomination.session_cancelled',
      entityType: 'nomination',
      entityId: n.id,
      before: { status: n.status, seatSource: n.seatSource },
      after: { status: 'session-cancelled', seatSource: null, reason },
    })),
  );
  return ended.map(({ id, nationCode, status }) => ({ id, nationCode, status }));
}

/** The nominations a change to a session concerns, as they stand: for the change's record. */
export async function nominationsAtChange(
  ctx: ServiceContext,
  sessionId: string,
): Promise<NominationAtChange[]> {
  const rows = await q.selectSessionNominationStatuses(ctx.tx, sessionId);
  return rows.map((r) => ({ id: r.id, nationCode: r.nationCode, status: r.status }));
}

/** A nominated person as a notice about their session names and reaches them. */
export interface NominatedPerson {
  nominationId: string;
  nationCode: string;
  name: { latin: string; arabic: string | null };
  email: string | null;
  /** Their own account, when they have one and it is active. */
  userId: string | null;
  /** Their account's language, else null (the session's language then applies). */
  locale: string | null;
}

/** The people behind these nominations, for a notice about their session. */
export async function nominatedPeople(
  db: DbOrTx,
  nominationIds: readonly string[],
): Promise<Map<string, NominatedPerson>> {
  const rows = await q.selectNominationPeople(db, nominationIds);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        nominationId: r.id,
        nationCode: r.nationCode,
        name: {
          latin: `${r.givenNamesLatin} ${r.familyNameLatin}`,
          arabic:
            r.givenNamesArabic && r.familyNameArabic
              ? `${r.givenNamesArabic} ${r.familyNameArabic}`
              : null,
        },
        email: r.email,
        userId: r.userActive ? r.userId : null,
        locale: r.userActive ? r.userLocale : null,
      },
    ]),
  );
}
