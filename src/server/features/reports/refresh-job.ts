import { isRefreshDue } from '../../../domain/rollup-refresh.js';
import type { Database } from '../../db/client.js';
import { countSourceChanges, readRollupState, refreshReportRollups } from './rollups.js';

/**
 * Refreshes the report roll-ups when their source tables changed since the last refresh,
 * pausing ten times as long as that refresh took (the job runs every minute). Returns how long
 * the refresh took, or null when none was due.
 */
export async function refreshRollupsIfDue(db: Database, now = new Date()): Promise<number | null> {
  const [state, changes] = await Promise.all([readRollupState(db), countSourceChanges(db)]);
  if (!isRefreshDue(state, changes, now)) return null;
  const refreshed = await refreshReportRollups(db);
  return refreshed ? refreshed.tookMs : null;
}
