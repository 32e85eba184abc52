import { sql } from 'drizzle-orm';
import type { RollupState } from '../../../domain/rollup-refresh.js';
import type { DbOrTx } from '../../db/client.js';

/** The tables the roll-ups are computed from: a change to any of them makes them stale. */
const SOURCES = [
  'nominations',
  'training_sessions',
  'session_quotas',
  'activities',
  'survey_responses',
  'survey_invitations',
  'survey_templates',
];

/** Only one server refreshes at a time; the others skip their turn. */
const REFRESH_LOCK_KEY = 0x7265706f; // "repo"

export async function readRollupState(db: DbOrTx): Promise<RollupState | null> {
  const rows = (
    await db.execute(sql`select refreshed_at, source_changes, took_ms from report_rollup_state`)
  ).rows as { refreshed_at: Date | string; source_changes: string; took_ms: number }[];
  const row = rows[0];
  if (!row) return null;
  return {
    refreshedAt: new Date(row.refreshed_at),
    sourceChanges: Number(row.source_changes),
    tookMs: row.took_ms,
  };
}

/**
 * How many rows of the source tables have been inserted, updated or deleted, from the
 * statistics PostgreSQL keeps anyway: reading it costs nothing, unlike a trigger on every
 * nomination. It only ever grows, except after a statistics reset, which then just looks like
 * a change.
 */
export async function countSourceChanges(db: DbOrTx): Promise<number> {
  const rows = (
    await db.execute(
      sql`select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint as changes
            from pg_stat_user_tables
           where schemaname = current_schema() and relname in (${sql.join(
             SOURCES.map((t) => sql`${t}`),
             sql`, `,
           )})`,
    )
  ).rows as { changes: string }[];
  return Number(rows[0]?.changes ?? 0);
}

/**
 * Recomputes every roll-up without blocking readers (CONCURRENTLY, once they have been
 * computed), then records when and
 * how long it took. Returns null when another server is refreshing at this moment.
 */
export async function refreshReportRollups(
  db: DbOrTx,
  now: () => Date = () => new Date(),
): Promise<RollupState | null> {
  return db.transaction(async (tx) => {
    const locked = (
      await tx.execute(sql`select pg_try_advisory_xact_lock(${REFRESH_LOCK_KEY}) as locked`)
    ).rows[0] as { locked: boolean };
    if (!locked.locked) return null;
    // Counted before the refresh, so a change made while it runs triggers the next one.
    const sourceChanges = await countSourceChanges(tx);
    // The first time, nothing is there to compare with, and a plain refresh is faster.
    const concurrently = (await readRollupState(tx)) !== null;
    const started = performance.now();
    // The views of migration 0007, refreshed as their owner (migration 0008): the app may not.
    await tx.execute(sql`select refresh_report_rollups(${concurrently})`);
    const state: RollupState = {
      refreshedAt: now(),
      sourceChanges,
      tookMs: Math.round(performance.now() - started),
    };
    await tx.execute(sql`
      insert into report_rollup_state (id, refreshed_at, source_changes, took_ms)
      values (1, ${state.refreshedAt.toISOString()}, ${state.sourceChanges}, ${state.tookMs})
      on conflict (id) do update
        set refreshed_at = excluded.refreshed_at,
            source_changes = excluded.source_changes,
            took_ms = excluded.took_ms`);
    return state;
  });
}
