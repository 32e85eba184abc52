import type { Session } from '../../../../contract/sessions.js';
import { type SessionKnownFacts, sessionChanges } from '../../../../domain/session-changes.js';
import type { ServiceContext } from '../../context.js';
import { recordSessionChange } from './record.js';

/** What the people of a session know of it, as the API shows it. */
function knownFacts(session: Session): SessionKnownFacts {
  return {
    startDate: session.startDate,
    endDate: session.endDate,
    venue: { code: session.venueCode, name: session.venueName },
    joiningInstructions: session.joiningInstructions,
    director: session.directorId
      ? { id: session.directorId, name: session.directorName ?? '' }
      : null,
  };
}

/**
 * Records what an edit of a published session changed for its people (dates, venue, joining
 * instructions, director), if anything, so that they are told; capacity, quotas and notes
 * concern the centre alone. Staff before and after are both kept: a director taken off hears
 * of it too.
 */
export async function recordEdit(
  ctx: ServiceContext,
  before: Session,
  after: Session,
): Promise<void> {
  const changes = sessionChanges(knownFacts(before), knownFacts(after));
  if (changes.length === 0) return;
  const staffOf = (s: Session) => ({
    directorId: s.directorId,
    instructorIds: s.instructors.map((i) => i.id),
  });
  await recordSessionChange(ctx, {
    sessionId: after.id,
    kind: 'updated',
    changes,
    staff: { before: staffOf(before), after: staffOf(after) },
  });
}
