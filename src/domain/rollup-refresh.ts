/** When the report roll-ups were last refreshed, and what their sources had seen by then. */
export interface RollupState {
  refreshedAt: Date;
  /** Rows inserted, updated or deleted in the source tables, as counted before the refresh. */
  sourceChanges: number;
  tookMs: number;
}

/** The pause after a refresh, as a multiple of how long it took. */
export const REFRESH_PAUSE_FACTOR = 10;

/**
 * Whether the roll-ups should be refreshed now: never computed, or their sources changed and
 * enough time has passed. The pause is ten times the last refresh, so that refreshing takes at
 * most a tenth of one core on a large centre, and figures stay minutes fresh on any.
 */
export function isRefreshDue(state: RollupState | null, sourceChanges: number, now: Date): boolean {
  if (!state) return true;
  if (state.sourceChanges === sourceChanges) return false;
  return now.getTime() - state.refreshedAt.getTime() >= state.tookMs * REFRESH_PAUSE_FACTOR;
}
