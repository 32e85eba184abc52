/**
 * Results kept in this process until something they depend on changes. Writers announce a change
 * through PostgreSQL (see `listener.ts`); a change clears everything. The cache starts disabled
 * and is bypassed while it cannot hear about changes, because an entry it cannot invalidate could
 * be served stale for ever.
 */
export interface ResponseCache {
  /** The cached value for `key`, or the one `produce` gives (stored when still valid). */
  through(key: string, produce: () => Promise<string>): Promise<string>;
  /** Something changed: drop every entry, and any result being computed from older data. */
  clear(): void;
  /** Start caching: changes are heard from now on (entries from before were already dropped). */
  enable(): void;
  /** Stop caching and drop every entry: changes can no longer be heard. */
  disable(): void;
  readonly enabled: boolean;
  /** Bumped by every clear; a test waits on it to know a change was heard. */
  readonly generation: number;
  readonly size: number;
}

export interface ResponseCacheOptions {
  /** Entries kept at most; the oldest goes first. */
  maxEntries: number;
  /** Longest life of an entry, a safety net for changes made outside the services. */
  maxAgeMs: number;
  /**
   * The earliest time (ms since the epoch) at which results could change without a write, such
   * as a nomination window opening at midnight; asked once per generation, before the first
   * result of that generation is computed. `Infinity` when nothing is due.
   */
  validUntil: () => Promise<number>;
  now?: () => number;
}

interface Entry {
  value: string;
  expiresAt: number;
}

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Misses being computed, so that many readers of one page after a change run one query.
  const pending = new Map<string, { generation: number; value: Promise<string> }>();
  let enabled = false;
  let generation = 0;
  let horizon: { generation: number; until: Promise<number> } | null = null;

  const clear = () => {
    entries.clear();
    pending.clear();
    generation += 1;
    horizon = null;
  };

  // Shared by the misses of one generation; asked again once the time it gave has passed.
  const validUntil = async (): Promise<number> => {
    if (!horizon || horizon.generation !== generation) {
      const asked = options.validUntil().catch((error: unknown) => {
        // A failed question is asked again by the next miss, not remembered.
        if (horizon?.until === asked) horizon = null;
        throw error;
      });
      horizon = { generation, until: asked };
    }
    const until = await horizon.until;
    if (until <= now() && horizon?.generation === generation) horizon = null;
    return until;
  };

  const fill = async (key: string, produce: () => Promise<string>, startedIn: number) => {
    // The generation is read before the result: a change heard meanwhile makes it unsafe to keep.
    const until = await validUntil();
    const value = await produce();
    const expiresAt = Math.min(until, now() + options.maxAgeMs);
    if (enabled && generation === startedIn && expiresAt > now()) {
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, { value, expiresAt });
    }
    return value;
  };

  return {
    async through(key, produce) {
      if (!enabled) return produce();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.value;
      if (hit) entries.delete(key);
      const running = pending.get(key);
      if (running && running.generation === generation) return running.value;
      const startedIn = generation;
      const value = fill(key, produce, startedIn);
      pending.set(key, { generation: startedIn, value });
      try {
        return await value;
      } finally {
        if (pending.get(key)?.value === value) pending.delete(key);
      }
    },
    clear,
    enable() {
      clear();
      enabled = true;
    },
    disable() {
      enabled = false;
      clear();
    },
    get enabled() {
      return enabled;
    },
    get generation() {
      return generation;
    },
    get size() {
      return entries.size;
    },
  };
}
