import { type RedatingConflict, venueClosures } from '../../../domain/session-redating.js';
import { AppError } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { nominationsBrokenByMove } from '../nominations/redating.js';

/** What a conflict means, in English, for the problem's detail and for API clients. */
function describe(conflict: RedatingConflict): string {
  switch (conflict.code) {
    case 'venue_closed': {
      const day = conflict.field === 'startDate' ? 'first' : 'last';
      const why = conflict.holiday ? `(${conflict.holiday.en})` : '(not one of its working days)';
      return `the venue is closed on ${conflict.date}, the session's ${day} day ${why}`;
    }
    case 'outside_programme_years':
      return `the nomination of ${conflict.participantName} serves a programme line planned for ${conflict.years.join(', ')} only`;
    case 'breaks_eligibility':
      return conflict.rule === 'clearance-expiry'
        ? `the clearance of ${conflict.participantName} expires on ${conflict.params.expires}, before the new end`
        : `${conflict.participantName} holds a seat on ${conflict.params.session} at the new dates`;
  }
}

/**
 * Refuses to move a published session to dates or a venue that no longer fit it: its venue
 * closed on its first or last day, a nomination leaving the years of its programme line, a
 * nomination no longer eligible at the new dates. A 409 whose code names the first conflict,
 * with every conflict in `conflicts` and as a field error, so the form marks the dates.
 */
export async function refuseBrokenMove(
  ctx: ServiceContext,
  move: {
    sessionId: string;
    from: { startDate: string; endDate: string };
    to: { startDate: string; endDate: string };
    venue: { workingDays: number[]; holidays: { date: string; name: { en: string } }[] };
  },
): Promise<void> {
  const conflicts: RedatingConflict[] = [...venueClosures(move.to, move.venue)];
  const moved = move.from.startDate !== move.to.startDate || move.from.endDate !== move.to.endDate;
  if (moved) conflicts.push(...(await nominationsBrokenByMove(ctx.tx, move.sessionId, move.to)));
  const [first] = conflicts;
  if (!first) return;
  const sentences = conflicts.map(describe);
  throw new AppError(
    409,
    first.code,
    `The session cannot move there: ${sentences.join('; ')}. Nothing was changed.`,
    conflicts.map((conflict, index) => ({
      field: conflict.field,
      message: sentences[index] ?? conflict.code,
      code: conflict.code,
    })),
    undefined,
    { conflicts },
  );
}
