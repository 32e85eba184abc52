import { describe, expect, it } from 'vitest';
import { nextToPromote, orderWaitlist, type WaitlistEntry } from './waitlist.js';

function entry(
  id: string,
  nationCode: string,
  priority: number | null,
  submittedAt: string,
  eligible = true,
): WaitlistEntry {
  return { id, nationCode, priority, submittedAt, eligible };
}

const T1 = '2026-03-01T08:00:00.000Z';
const T2 = '2026-03-01T09:00:00.000Z';
const T3 = '2026-03-02T08:00:00.000Z';

function ids(entries: WaitlistEntry[], room: Map<string, number>): string[] {
  return orderWaitlist(entries, room).map((p) => p.id);
}

describe('waitlist order', () => {
  it('puts nations with quota room first, then priority, then submission, then id', () => {
    const entries = [
      entry('a', 'QAT', 1, T1),
      entry('b', 'KWT', 2, T3),
      entry('c', 'KWT', 1, T3),
      entry('d', 'QAT', null, T1),
      entry('e', 'BHR', 1, T2),
    ];
    const room = new Map([['KWT', 1]]);
    expect(ids(entries, room)).toEqual(['c', 'b', 'a', 'e', 'd']);
  });

  it.each([
    ['quota room beats priority', [entry('x', 'QAT', 1, T1), entry('y', 'KWT', 5, T3)], ['y', 'x']],
    ['priority beats submission', [entry('x', 'QAT', 2, T1), entry('y', 'QAT', 1, T3)], ['y', 'x']],
    [
      'a number beats no priority',
      [entry('x', 'QAT', null, T1), entry('y', 'QAT', 9, T3)],
      ['y', 'x'],
    ],
    [
      'earlier submission breaks a priority tie',
      [entry('x', 'QAT', 1, T2), entry('y', 'OMN', 1, T1)],
      ['y', 'x'],
    ],
    [
      'two unranked: earlier first',
      [entry('x', 'QAT', null, T2), entry('y', 'QAT', null, T1)],
      ['y', 'x'],
    ],
    ['id breaks a full tie', [entry('z', 'QAT', 1, T1), entry('m', 'OMN', 1, T1)], ['m', 'z']],
    [
      'same instant in another offset is a tie',
      [entry('z', 'QAT', 1, '2026-03-01T11:00:00+03:00'), entry('m', 'OMN', 1, T1)],
      ['m', 'z'],
    ],
  ] as const)('%s', (_, entries, expected) => {
    expect(ids([...entries], new Map([['KWT', 2]]))).toEqual(expected);
  });

  it('a quota with no seats left gives no entitlement', () => {
    const room = new Map([
      ['KWT', 0],
      ['QAT', 1],
    ]);
    expect(ids([entry('k', 'KWT', 1, T1), entry('q', 'QAT', 3, T3)], room)).toEqual(['q', 'k']);
  });

  it('does not depend on input order', () => {
    const entries = [
      entry('a', 'QAT', 1, T1),
      entry('b', 'QAT', 1, T1),
      entry('c', 'KWT', null, T2),
    ];
    const room = new Map([['KWT', 1]]);
    expect(ids(entries, room)).toEqual(ids([...entries].reverse(), room));
  });

  it('explains each place', () => {
    const room = new Map([['KWT', 1]]);
    expect(orderWaitlist([entry('q', 'QAT', null, T1), entry('k', 'KWT', 2, T2)], room)).toEqual([
      { id: 'k', position: 1, reason: { entitled: true, priority: 2, submittedAt: T2 } },
      { id: 'q', position: 2, reason: { entitled: false, priority: null, submittedAt: T1 } },
    ]);
  });

  it.each([
    ['serving the programme comes first among equals', {}, ['p1', 'k1']],
    ['but not before a better priority', { priority: 1 }, ['k1', 'p1']],
    ['nor before an entitled nation', { nationCode: 'QAT', entitled: true }, ['k1', 'p1']],
  ] as const)('%s', (_name, other, expected) => {
    const first = {
      ...entry('k1', 'KWT', 2, T1),
      ...('priority' in other ? { priority: other.priority } : {}),
    };
    const linked = {
      ...entry('p1', 'nationCode' in other ? other.nationCode : 'KWT', 2, T2),
      servesProgramme: true,
    };
    const room = new Map([['KWT', 'entitled' in other ? 1 : 0]]);
    expect(orderWaitlist([first, linked], room).map((p) => p.id)).toEqual(expected);
  });

  it('orders an empty list', () => {
    expect(orderWaitlist([], new Map())).toEqual([]);
  });
});

describe('next to promote', () => {
  const entries = [
    entry('k1', 'KWT', 1, T2, false),
    entry('k2', 'KWT', 2, T3),
    entry('q1', 'QAT', 1, T1),
  ];

  it.each([
    [
      'the first eligible entitled entry takes a quota seat',
      [['KWT', 1]],
      0,
      { id: 'k2', seatSource: 'quota' },
    ],
    [
      'the quota goes first even with pool room',
      [['KWT', 1]],
      3,
      { id: 'k2', seatSource: 'quota' },
    ],
    [
      'without quota room the first eligible takes a pool seat',
      [],
      1,
      { id: 'q1', seatSource: 'pool' },
    ],
    ['nothing fits without quota or pool room', [['BHR', 2]], 0, null],
    ["another nation's quota room does not help", [['OMN', 1]], 0, null],
  ] as [string, [string, number][], number, ReturnType<typeof nextToPromote>][])(
    '%s',
    (_, room, pool, expected) => {
      expect(nextToPromote(entries, new Map(room), pool)).toEqual(expected);
    },
  );

  it('skips ineligible entries even when they have quota room', () => {
    const only = [entry('k1', 'KWT', 1, T1, false)];
    expect(nextToPromote(only, new Map([['KWT', 1]]), 5)).toBeNull();
  });

  it('falls back to the pool for a later nation when the entitled one is ineligible', () => {
    const list = [entry('k1', 'KWT', 1, T1, false), entry('q1', 'QAT', 1, T2)];
    expect(nextToPromote(list, new Map([['KWT', 1]]), 1)).toEqual({ id: 'q1', seatSource: 'pool' });
  });

  it('passes over a person selected elsewhere over the same days, who keeps their place', () => {
    const busy = { ...entry('k1', 'KWT', 1, T1), selectedElsewhere: true };
    const list = [busy, entry('k2', 'KWT', 2, T2)];
    expect(nextToPromote(list, new Map([['KWT', 1]]), 0)).toEqual({
      id: 'k2',
      seatSource: 'quota',
    });
    expect(orderWaitlist(list, new Map([['KWT', 1]]))[0]?.id).toBe('k1');
  });

  it('returns null for an empty waitlist', () => {
    expect(nextToPromote([], new Map([['KWT', 1]]), 1)).toBeNull();
  });
});
