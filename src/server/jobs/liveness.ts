import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { QUEUE_SCHEMA } from './queue-schema.js';

export interface LivenessOptions {
  /** How often a live pool says so. */
  heartbeatMs: number;
  /** A pool silent this long is dead and its locked jobs are released. */
  deadAfterMs: number;
}

export const DEFAULT_LIVENESS: LivenessOptions = { heartbeatMs: 10_000, deadAfterMs: 60_000 };

/** Says this pool is alive (first call registers it). */
export async function heartbeat(db: Database, poolId: string): Promise<void> {
  await db.execute(sql`insert into job_workers (pool_id, hostname, pid)
    values (${poolId}, ${os.hostname()}, ${String(process.pid)})
    on conflict (pool_id) do update set last_seen_at = now()`);
}

/** This pool stopped cleanly: it unlocked its own jobs, nothing to rescue. */
export async function signOff(db: Database, poolId: string): Promise<void> {
  await db.execute(sql`delete from job_workers where pool_id = ${poolId}`);
}

/**
 * Gives the jobs of dead pools back to the queue: a pool whose heartbeat is older than
 * `deadAfterMs`, or a lock by a pool that never registered and is that old (it died before its
 * first heartbeat). Returns the pool ids released. Their jobs run again on a live pool: every
 * job is written to do its effect once, so the rerun finishes what the dead one started.
 */
export async function releaseDeadPools(db: Database, deadAfterMs: number): Promise<string[]> {
  const seconds = deadAfterMs / 1000;
  const queue = sql.raw(QUEUE_SCHEMA);
  const { rows } = await db.execute<{ pool_id: string }>(sql`
    with dead as (
      select pool_id from job_workers
       where last_seen_at < now() - make_interval(secs => ${seconds})
      union
      select distinct locked_by from ${queue}._private_jobs j
       where locked_by is not null
         and locked_at < now() - make_interval(secs => ${seconds})
         and not exists (select 1 from job_workers w where w.pool_id = j.locked_by)
    ),
    unlocked as (
      select ${queue}.force_unlock_workers(array(select pool_id from dead))
    ),
    gone as (delete from job_workers where pool_id in (select pool_id from dead))
    select pool_id from dead, unlocked`);
  return rows.map((r) => r.pool_id);
}
