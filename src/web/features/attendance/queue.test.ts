import { describe, expect, it } from 'vitest';
import type { AttendanceMark } from '../../../contract/index.js';
import {
  applyMine,
  EMPTY_STATE,
  enqueue,
  keepTheirs,
  keyOf,
  loadLocal,
  saveLocal,
  settle,
  shownStatus,
} from './queue.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const DAY = '2027-03-08';

const theirs = (status: AttendanceMark['status'], version: number): AttendanceMark => ({
  nominationId: A,
  day: DAY,
  status,
  source: 'roster',
  markedByName: 'Instructor',
  markedAt: '2027-03-08T07:00:00.000Z',
  version,
});

describe('the offline queue', () => {
  it('keeps one mark per person and day, built on the first base version', () => {
    let state = enqueue(EMPTY_STATE, {
      nominationId: A,
      day: DAY,
      status: 'present',
      baseVersion: 2,
    });
    state = enqueue(state, { nominationId: A, day: DAY, status: 'absent', baseVersion: null });
    state = enqueue(state, { nominationId: B, day: DAY, status: 'present', baseVersion: null });
    expect(state.pending).toEqual([
      { nominationId: A, day: DAY, status: 'absent', baseVersion: 2 },
      { nominationId: B, day: DAY, status: 'present', baseVersion: null },
    ]);
  });

  it('drops what the server took and keeps conflicts aside', () => {
    const sent = [
      { nominationId: A, day: DAY, status: 'excused' as const, baseVersion: 1 },
      { nominationId: B, day: DAY, status: 'present' as const, baseVersion: null },
    ];
    const state = settle({ pending: sent, conflicts: [] }, sent, {
      results: [
        { nominationId: A, day: DAY, status: 'conflict', mark: theirs('present', 2) },
        {
          nominationId: B,
          day: DAY,
          status: 'applied',
          mark: { ...theirs('present', 1), nominationId: B },
        },
      ],
      applied: 1,
      unchanged: 0,
      conflicts: 1,
    });
    expect(state.pending).toEqual([]);
    expect(state.conflicts).toEqual([
      { nominationId: A, day: DAY, mine: 'excused', theirs: theirs('present', 2) },
    ]);
  });

  it('keeps a cell changed while its batch was in flight, rebased on the server’s version', () => {
    const sent = [{ nominationId: A, day: DAY, status: 'present' as const, baseVersion: null }];
    const changed = enqueue({ pending: sent, conflicts: [] }, {
      ...sent[0],
      status: 'absent',
    } as never);
    const state = settle(changed, sent, {
      results: [{ nominationId: A, day: DAY, status: 'applied', mark: theirs('present', 1) }],
      applied: 1,
      unchanged: 0,
      conflicts: 0,
    });
    expect(state.pending).toEqual([
      { nominationId: A, day: DAY, status: 'absent', baseVersion: 1 },
    ]);
  });

  it('resolves a conflict either way', () => {
    const conflicted = {
      pending: [],
      conflicts: [
        { nominationId: A, day: DAY, mine: 'excused' as const, theirs: theirs('present', 2) },
      ],
    };
    const key = keyOf({ nominationId: A, day: DAY });
    expect(keepTheirs(conflicted, key)).toEqual(EMPTY_STATE);
    expect(applyMine(conflicted, key)).toEqual({
      pending: [{ nominationId: A, day: DAY, status: 'excused', baseVersion: 2 }],
      conflicts: [],
    });
  });

  it('shows the queued status over the server’s', () => {
    expect(shownStatus(theirs('present', 1), undefined)).toBe('present');
    expect(
      shownStatus(theirs('present', 1), {
        nominationId: A,
        day: DAY,
        status: 'absent',
        baseVersion: 1,
      }),
    ).toBe('absent');
    expect(shownStatus(undefined, undefined)).toBeNull();
  });

  it('survives a reload through storage, and ignores what it cannot read', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
      removeItem: (k: string) => store.delete(k),
    } as unknown as Storage;
    const state = enqueue(EMPTY_STATE, {
      nominationId: A,
      day: DAY,
      status: 'present',
      baseVersion: null,
    });
    saveLocal(storage, 'CT-A-27', state);
    expect(loadLocal(storage, 'CT-A-27')).toEqual(state);
    expect(loadLocal(storage, 'OTHER-27')).toEqual(EMPTY_STATE);
    saveLocal(storage, 'CT-A-27', EMPTY_STATE);
    expect(store.size).toBe(0);
    store.set('rabita.attendance.BAD-27', '{not json');
    expect(loadLocal(storage, 'BAD-27')).toEqual(EMPTY_STATE);
  });
});
