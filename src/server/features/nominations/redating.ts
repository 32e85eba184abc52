import type { NominationStatus } from '../../../contract/nominations.js';
import {
  eligibilityBrokenByMove,
  programmeYearBroken,
  type RedatingConflict,
} from '../../../domain/session-redating.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import type { DbOrTx } from '../../db/client.js';
import { plannedYearsServed } from '../programmes/links.js';
import { eligibilityOf, selectSessionFacts } from './eligibility.js';
import * as q from './queries.js';

/** The nominations a move must not break: those the centre has taken or is deciding on. */
const CHECKED: readonly NominationStatus[] = ['submitted', 'waitlisted', 'selected'];

/**
 * What moving a session to new dates would break among its nominations: a dated eligibility
 * rule (a clearance expiring before the new end, a seat held on another session at the new
 * dates) that held at the old dates, when the new dates are still to come, or a programme line
 * planned for other years than the new start's. Nothing is written; the caller refuses the
 * move when the list is not empty.
 */
export async function nominationsBrokenByMove(
  db: DbOrTx,
  sessionId: string,
  to: { startDate: string; endDate: string },
  now = new Date(),
): Promise<RedatingConflict[]> {
  const session = await selectSessionFacts(db, sessionId);
  const moved = { ...session, ...to };
  const nominations = (await q.selectSessionNominations(db, sessionId)).filter((row) =>
    CHECKED.includes(row.nomination.status as NominationStatus),
  );
  const conflicts: RedatingConflict[] = [];
  // Days already begun are a record of when the session ran (a mobile team's, entered late),
  // not a plan people must still be able to keep: eligibility is checked for days to come.
  const ahead = to.startDate > dateIn(now, session.timeZone);
  for (const row of ahead ? nominations : []) {
    const person = await q.selectParticipant(db, row.nomination.participantId);
    if (!person) continue;
    const who = {
      nominationId: row.nomination.id,
      participantName: `${person.givenNamesLatin} ${person.familyNameLatin}`,
    };
    const before = await eligibilityOf(db, session, person, now);
    const after = await eligibilityOf(db, moved, person, now);
    conflicts.push(...eligibilityBrokenByMove(who, before.lines, after.lines));
  }
  const links = nominations.flatMap(({ nomination: n }) =>
    n.plannedActivityId
      ? [{ nominationId: n.id, plannedActivityId: n.plannedActivityId, nationCode: n.nationCode }]
      : [],
  );
  if (links.length > 0 && to.startDate.slice(0, 4) !== session.startDate.slice(0, 4)) {
    const served = await plannedYearsServed(db, links, {
      activityId: session.activityId,
      startDate: session.startDate,
    });
    for (const { nomination: n, participant: p } of nominations) {
      const years = served.get(n.id);
      if (!years) continue;
      const who = {
        nominationId: n.id,
        participantName: `${p.givenNamesLatin} ${p.familyNameLatin}`,
        years,
      };
      conflicts.push(...programmeYearBroken(who, session.startDate, to.startDate));
    }
  }
  return conflicts;
}
