import type { Eligibility, SelectionConflict } from '../../../contract/nominations.js';
import { orderWaitlist, type WaitlistEntry } from '../../../domain/waitlist.js';
import type { DbOrTx } from '../../db/client.js';
import { type WaitlistPlaceText, waitlistReasonText } from './presenters.js';
import * as q from './queries.js';
import { overlappingSelectionsOf } from './selection-conflicts.js';

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

/**
 * A waitlisted nomination may be promoted when it meets the rules or a registrar overrode them,
 * and its person is not selected elsewhere over the same days (`selectedElsewhere`, by person).
 */
export function entryOf(
  n: q.NominationRow,
  selectedElsewhere: ReadonlyMap<string, readonly SelectionConflict[]> = new Map(),
): WaitlistEntry {
  return {
    id: n.id,
    nationCode: n.nationCode,
    priority: n.priority,
    submittedAt: (n.submittedAt ?? n.createdAt).toISOString(),
    eligible: (n.eligibility as Eligibility).eligible || n.overrideJustification !== null,
    // Linking is only accepted to a programme in force, so a link is the programme's word.
    servesProgramme: n.plannedActivityId !== null,
    selectedElsewhere: selectedElsewhere.has(n.participantId),
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
  const elsewhere = await overlappingSelectionsOf(
    db,
    sessionId,
    rows.map((n) => n.participantId),
  );
  const byId = new Map(rows.map((n) => [n.id, n]));
  return new Map(
    orderWaitlist(
      rows.map((n) => entryOf(n, elsewhere)),
      quotaRoom,
    ).map((place) => {
      const row = byId.get(place.id);
      const selectedElsewhere = (row && elsewhere.get(row.participantId)?.[0]) ?? null;
      return [
        place.id,
        {
          position: place.position,
          reason: waitlistReasonText({ ...place.reason, selectedElsewhere }, row?.nationCode ?? ''),
          ...place.reason,
          selectedElsewhere,
        },
      ];
    }),
  );
}
