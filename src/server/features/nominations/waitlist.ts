import type { Eligibility } from '../../../contract/nominations.js';
import { orderWaitlist, type WaitlistEntry } from '../../../domain/waitlist.js';
import type { DbOrTx } from '../../db/client.js';
import { type WaitlistPlaceText, waitlistReasonText } from './presenters.js';
import * as q from './queries.js';

/** Seats left per nation quota and in the open pool, as the waitlist rules see them. */
export async function roomOf(db: DbOrTx, sessionId: string) {
  const { quotas, session } = await q.selectQuotaRoom(db, sessionId);
  return {
    quotaRoom: new Map(quotas.map((quota) => [quota.nationCode, quota.seats - quota.taken])),
    poolRoom: session.capacity - session.quotaTotal - session.poolTaken,
    quotas,
    session,
  };
}

/** A waitlisted nomination may be promoted when it meets the rules or a registrar overrode them. */
export function entryOf(n: q.NominationRow): WaitlistEntry {
  return {
    id: n.id,
    nationCode: n.nationCode,
    priority: n.priority,
    submittedAt: (n.submittedAt ?? n.createdAt).toISOString(),
    eligible: (n.eligibility as Eligibility).eligible || n.overrideJustification !== null,
    // Linking is only accepted to a programme in force, so a link is the programme's word.
    servesProgramme: n.plannedActivityId !== null,
  };
}

/** Every waitlisted nomination's place on a session's waitlist, with the reason for it. */
export async function waitlistPlaces(
  db: DbOrTx,
  sessionId: string,
  waitlisted?: readonly q.NominationRow[],
): Promise<Map<string, WaitlistPlaceText>> {
  const rows =
    waitlisted ??
    (await q.selectSessionNominations(db, sessionId))
      .map((r) => r.nomination)
      .filter((n) => n.status === 'waitlisted');
  const { quotaRoom } = await roomOf(db, sessionId);
  const nationOf = new Map(rows.map((n) => [n.id, n.nationCode]));
  return new Map(
    orderWaitlist(rows.map(entryOf), quotaRoom).map((place) => [
      place.id,
      {
        position: place.position,
        reason: waitlistReasonText(place.reason, nationOf.get(place.id) ?? ''),
        ...place.reason,
      },
    ]),
  );
}
