import { describe, expect, it } from 'vitest';
import { isRefreshDue, type RollupState } from './rollup-refresh.js';

const at = (iso: string) => new Date(`2026-11-26T${iso}Z`);
const state = (refreshed: string, sourceChanges: number, tookMs: number): RollupState => ({
  refreshedAt: at(refreshed),
  sourceChanges,
  tookMs,
});

describe('isRefreshDue', () => {
  it.each([
    ['never refreshed', null, 0, '10:00:00', true],
    ['nothing changed, long ago', state('08:00:00', 500, 20), 500, '10:00:00', false],
    ['changed, quick refresh', state('09:59:59', 500, 20), 501, '10:00:00', true],
    [
      'changed, within ten times a 15 s refresh',
      state('09:58:00', 500, 15_000),
      900,
      '10:00:00',
      false,
    ],
    [
      'changed, just after ten times a 15 s refresh',
      state('09:57:30', 500, 15_000),
      900,
      '10:00:00',
      true,
    ],
    [
      'statistics reset (fewer changes than before)',
      state('09:00:00', 500, 20),
      3,
      '10:00:00',
      true,
    ],
  ] as const)('%s', (_label, last, changes, now, due) => {
    expect(isRefreshDue(last, changes, at(now))).toBe(due);
  });
});
