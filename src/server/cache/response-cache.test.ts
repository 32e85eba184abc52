import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.js';

function setup(validUntil = Infinity) {
  let clock = 1_000;
  let asked = 0;
  const cache = createResponseCache({
    maxEntries: 2,
    maxAgeMs: 60_000,
    validUntil: async () => {
      asked += 1;
      return validUntil;
    },
    now: () => clock,
  });
  let produced = 0;
  const produce = (value: string) => async () => {
    produced += 1;
    return value;
  };
  return {
    cache,
    produce,
    produced: () => produced,
    asked: () => asked,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('response cache', () => {
  it('is bypassed until enabled, and again once disabled', async () => {
    const t = setup();
    expect(await t.cache.through('k', t.produce('a'))).toBe('a');
    expect(await t.cache.through('k', t.produce('b'))).toBe('b');
    expect(t.cache.size).toBe(0);
    t.cache.enable();
    await t.cache.through('k', t.produce('c'));
    expect(await t.cache.through('k', t.produce('d'))).toBe('c');
    t.cache.disable();
    expect(t.cache.size).toBe(0);
    expect(await t.cache.through('k', t.produce('e'))).toBe('e');
  });

  it('serves an entry until a clear, and asks for the horizon once per generation', async () => {
    const t = setup();
    t.cache.enable();
    await t.cache.through('k', t.produce('a'));
    await t.cache.through('j', t.produce('b'));
    expect(await t.cache.through('k', t.produce('x'))).toBe('a');
    expect(t.produced()).toBe(2);
    expect(t.asked()).toBe(1);
    t.cache.clear();
    expect(await t.cache.through('k', t.produce('c'))).toBe('c');
    expect(t.asked()).toBe(2);
  });

  it('does not keep a result computed while a change was heard', async () => {
    const t = setup();
    t.cache.enable();
    const stale = t.cache.through('k', async () => {
      t.cache.clear(); // the change arrives while the query runs
      return 'old';
    });
    expect(await stale).toBe('old');
    expect(t.cache.size).toBe(0);
    expect(await t.cache.through('k', t.produce('new'))).toBe('new');
  });

  it('expires entries at the horizon and after the longest life', async () => {
    const t = setup(1_500);
    t.cache.enable();
    await t.cache.through('k', t.produce('a'));
    t.advance(499);
    expect(await t.cache.through('k', t.produce('b'))).toBe('a');
    t.advance(1);
    // At the horizon the entry is gone, and one computed now could not be kept either.
    expect(await t.cache.through('k', t.produce('c'))).toBe('c');
    expect(t.cache.size).toBe(0);

    const u = setup();
    u.cache.enable();
    await u.cache.through('k', u.produce('a'));
    u.advance(60_000);
    expect(await u.cache.through('k', u.produce('b'))).toBe('b');
  });

  it('runs one computation for concurrent misses of one key, a new one after a change', async () => {
    const t = setup();
    t.cache.enable();
    let release: (value: string) => void = () => {};
    const slow = () =>
      new Promise<string>((resolve) => {
        release = resolve;
      });
    const first = t.cache.through('k', slow);
    const second = t.cache.through('k', t.produce('not run'));
    await new Promise((resolve) => setImmediate(resolve));
    release('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(t.produced()).toBe(0);

    const before = t.cache.through('j', slow);
    await new Promise((resolve) => setImmediate(resolve));
    const stale = release;
    t.cache.clear();
    const after = t.cache.through('j', t.produce('fresh'));
    stale('old');
    expect(await before).toBe('old');
    expect(await after).toBe('fresh');
    expect(await t.cache.through('j', t.produce('again'))).toBe('fresh');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const t = setup();
    t.cache.enable();
    await t.cache.through('a', t.produce('1'));
    await t.cache.through('b', t.produce('2'));
    await t.cache.through('c', t.produce('3'));
    expect(t.cache.size).toBe(2);
    expect(await t.cache.through('a', t.produce('4'))).toBe('4');
  });

  it('asks for the horizon again after a failed answer', async () => {
    let fail = true;
    const cache = createResponseCache({
      maxEntries: 10,
      maxAgeMs: 60_000,
      validUntil: async () => {
        if (fail) throw new Error('database down');
        return Infinity;
      },
    });
    cache.enable();
    await expect(cache.through('k', async () => 'a')).rejects.toThrow('database down');
    fail = false;
    expect(await cache.through('k', async () => 'b')).toBe('b');
    expect(cache.size).toBe(1);
  });
});
