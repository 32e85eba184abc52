import type pg from 'pg';
import { connectDatabase, type Database } from './client.js';

/** A WAL position as PostgreSQL writes it (`16/B374D848`). */
export type Lsn = string;

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export const isLsn = (text: string): boolean => LSN.test(text);

/** The position as one number, so that two can be compared. */
export function lsnValue(lsn: Lsn): bigint {
  const [high = '0', low = '0'] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The later of two positions; null stands for none. */
export function laterLsn(a: Lsn | null, b: Lsn | null): Lsn | null {
  if (a === null) return b;
  if (b === null) return a;
  return lsnValue(a) >= lsnValue(b) ? a : b;
}

/** How the replica's connections show in its pg_stat_activity. */
export const REPLICA_APPLICATION_NAME = 'rabita replica reads';

export interface ReplicaReading {
  /** The replica answered, and is a standby (a promoted one is no replica any more). */
  available: boolean;
  /** Seconds behind the primary; 0 when it has replayed what the primary had written at the check. */
  lagSeconds: number | null;
  /** The WAL position the replica had replayed at the check. */
  replayLsn: Lsn | null;
}

export type ReadTarget = 'replica' | 'primary';

export interface ReadReplica {
  db: Database;
  pool: pg.Pool;
  maxLagSeconds: number;
  /** The last check's reading. */
  readonly reading: ReplicaReading;
  /**
   * Where a read that must see the writes up to `atLeast` (null: any) may go: the replica when
   * it answered at the last check, is within the lag limit and had replayed past `atLeast`.
   */
  targetFor(atLeast: Lsn | null): ReadTarget;
  /** A replica read failed for the connection's sake: primary until the next good check. */
  markDown(): void;
  /** Reads each target has served; shown by /metrics. */
  readonly served: Record<ReadTarget, number>;
  count(target: ReadTarget): void;
  /** Checks now (also done every `checkEveryMs`); resolves with the new reading. */
  check(): Promise<ReplicaReading>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  url: string;
  maxLagSeconds: number;
  /** How often the replica's position and lag are read; 1 s unless given. */
  checkEveryMs?: number;
  /** Connections to the replica at most. */
  max?: number;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * A pool on the streaming replica, and a cheap check every second of how far it has replayed:
 * one `select` on each server. The primary's position comes first, so "replayed at least that"
 * means the replica had everything the primary had a moment ago; otherwise the lag is the age of
 * the last transaction it replayed. A replica that does not answer or is behind by more than
 * `maxLagSeconds` takes no reads until a later check finds it well again.
 */
export function openReadReplica(primary: pg.Pool, options: ReplicaOptions): ReadReplica {
  const handle = connectDatabase(options.url, {
    max: options.max ?? 10,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    // Named, so an operator sees in pg_stat_activity where its sessions come from.
    applicationName: REPLICA_APPLICATION_NAME,
    readOnly: true,
  });
  let reading: ReplicaReading = { available: false, lagSeconds: null, replayLsn: null };
  const served: Record<ReadTarget, number> = { replica: 0, primary: 0 };
  let checking: Promise<ReplicaReading> | null = null;

  const check = () => {
    checking ??= readPositions(primary, handle.pool)
      .then((next) => {
        reading = next;
        return next;
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 1_000);
  timer.unref();
  void check();

  return {
    db: handle.db,
    pool: handle.pool,
    maxLagSeconds: options.maxLagSeconds,
    get reading() {
      return reading;
    },
    targetFor(atLeast) {
      const { available, lagSeconds, replayLsn } = reading;
      if (!available || lagSeconds === null || lagSeconds > options.maxLagSeconds) return 'primary';
      if (atLeast === null) return 'replica';
      return replayLsn !== null && lsnValue(replayLsn) >= lsnValue(atLeast) ? 'replica' : 'primary';
    },
    markDown() {
      reading = { ...reading, available: false };
    },
    served,
    count(target) {
      served[target] += 1;
    },
    check,
    async close() {
      clearInterval(timer);
      await checking?.catch(() => {});
      await handle.close();
    },
  };
}

async function readPositions(primary: pg.Pool, replica: pg.Pool): Promise<ReplicaReading> {
  try {
    const written = await withTimeout(
      primary.query<{ lsn: Lsn }>('select pg_current_wal_lsn()::text as lsn'),
    );
    const { rows } = await withTimeout(
      replica.query<{ standby: boolean; replay: Lsn | null; age: number | null }>(
        `select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replay,
                extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age`,
      ),
    );
    const row = rows[0];
    if (!row?.standby || row.replay === null)
      return { available: false, lagSeconds: null, replayLsn: null };
    const caughtUp = lsnValue(row.replay) >= lsnValue(written.rows[0]?.lsn ?? '0/0');
    return {
      available: true,
      // Behind, and no transaction replayed since it started: how far is unknown.
      lagSeconds: caughtUp ? 0 : row.age === null ? null : Math.max(0, row.age),
      replayLsn: row.replay,
    };
  } catch {
    return { available: false, lagSeconds: null, replayLsn: null };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('replica check timed out')), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The primary's WAL position now: after a commit, a replica that has replayed it has the change. */
export async function currentWalLsn(primary: pg.Pool): Promise<Lsn> {
  const { rows } = await primary.query<{ lsn: Lsn }>('select pg_current_wal_lsn()::text as lsn');
  const lsn = rows[0]?.lsn;
  if (!lsn) throw new Error('no WAL position');
  return lsn;
}
