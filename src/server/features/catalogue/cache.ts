import type pg from 'pg';
import type { ActivityListQuery } from '../../../contract/catalogue.js';
import type { NationScope } from '../../../domain/access.js';
import { type ChangeListener, listenForChanges } from '../../cache/listener.js';
import { notifyChange } from '../../cache/notify.js';
import { createResponseCache, type ResponseCache } from '../../cache/response-cache.js';
import type { DbOrTx } from '../../db/client.js';
import { currentWalLsn, type Lsn } from '../../db/replica.js';
import { selectNextOpenSessionsChange } from './queries.js';

/** The channel on which writers announce changes to what the catalogue shows. */
export const CATALOGUE_CHANNEL = 'rabita_catalogue';

/**
 * Announces, on commit, a change to activities, disciplines, sessions, venues or nations'
 * frameworks: every app server drops its cached catalogue pages.
 */
export function notifyCatalogueChanged(tx: DbOrTx): Promise<void> {
  return notifyChange(tx, CATALOGUE_CHANNEL);
}

/**
 * A list or search page depends on the reader only through what they may see: every activity
 * (centre staff and observers without a nation; drafts included) or one nation's releasable
 * ones. So readers of one nation share entries, and so do all unscoped readers.
 */
export function catalogueCacheKey(scope: NationScope, query: ActivityListQuery): string {
  const reader = scope.kind === 'all' ? '*' : scope.nationCode;
  const fields = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([reader, fields]);
}

/** Catalogue pages: at most 500, none older than 5 minutes or older than the next window change. */
export function createCatalogueCache(db: DbOrTx): ResponseCache {
  return createResponseCache({
    maxEntries: 500,
    maxAgeMs: 5 * 60_000,
    validUntil: async () => (await selectNextOpenSessionsChange(db))?.getTime() ?? Infinity,
  });
}

const floors = new WeakMap<ResponseCache, { generation: number; lsn: Promise<Lsn> }>();

/**
 * The WAL position a page must be read at to be kept: the primary's, read at the first fill
 * after the last change was heard (so after that change's commit). The listener hears changes on
 * the primary; a replica behind this position could fill the cache with a page from before the
 * change, kept until the next change. Read once per cache generation, and only with a replica.
 */
export function catalogueFillFloor(primary: pg.Pool, cache: ResponseCache): Promise<Lsn> {
  const known = floors.get(cache);
  if (known && known.generation === cache.generation) return known.lsn;
  const lsn = currentWalLsn(primary);
  const floor = { generation: cache.generation, lsn };
  floors.set(cache, floor);
  // A failed read is asked again by the next fill, not remembered.
  lsn.catch(() => {
    if (floors.get(cache) === floor) floors.delete(cache);
  });
  return lsn;
}

export interface RunningCatalogueCache {
  cache: ResponseCache;
  listener: ChangeListener;
}

/**
 * The catalogue cache of one app server, kept in step with every server's writes through
 * LISTEN on its own connection, and bypassed while that connection is down.
 */
export function startCatalogueCache(
  db: DbOrTx,
  connectionString: string,
  options: { onDown?: (error?: Error) => void; retryMs?: number } = {},
): RunningCatalogueCache {
  const cache = createCatalogueCache(db);
  const listener = listenForChanges({
    connectionString,
    channel: CATALOGUE_CHANNEL,
    onUp: () => cache.enable(),
    onChange: () => cache.clear(),
    onDown: (error) => {
      cache.disable();
      options.onDown?.(error);
    },
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
  });
  return { cache, listener };
}
