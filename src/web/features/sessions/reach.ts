import { useQuery } from '@tanstack/react-query';
import type { Session } from '../../../contract/index.js';
import { useCan } from '../auth/session.js';
import { selectionBoardQuery } from '../nominations/api.js';
import { type Reach, reachOf } from '../nominations/board.js';

/**
 * Who a session-wide step (cancelling, completing) reaches, read from the selection board once
 * a dialog asks for it and while the reader may see the board; the session's own seat count
 * stands in for the selected until then. Null figures are not known (yet).
 */
export function useSessionReach(
  session: Session,
  enabled: boolean,
): { [K in keyof Reach]: number | null } {
  const can = useCan();
  const board = useQuery({
    ...selectionBoardQuery(session.code),
    enabled: enabled && can('nominations.decide'),
  });
  if (!board.data) {
    return { selected: session.seats.taken, waitlisted: null, pending: null, nations: null };
  }
  return reachOf(board.data.nominations);
}
