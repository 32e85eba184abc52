import { describe, expect, it } from 'vitest';
import { type PromotionRoom, promotionPlan } from './promotion.js';
import type { WaitlistEntry } from './waitlist.js';

const T = (hour: number) => `2026-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

function entry(id: string, nationCode: string, hour: number, eligible = true): WaitlistEntry {
  return { id, nationCode, priority: null, submittedAt: T(hour), eligible };
}

function room(quota: Record<string, number>, poolRoom: number, seatsLeft: number): PromotionRoom {
  return { quotaRoom: new Map(Object.entries(quota)), poolRoom, seatsLeft };
}

const five = [
  entry('a', 'QAT', 1),
  entry('b', 'QAT', 2),
  entry('c', 'KWT', 3),
  entry('d', 'OMN', 4),
  entry('e', 'KWT', 5),
];

describe('promotion plan', () => {
  it.each([
    [
      '3 pool seats, 5 waitlisted: the first 3 by submission',
      five,
      room({}, 3, 3),
      ['a:pool', 'b:pool', 'c:pool'],
    ],
    [
      'quotas owed first, then the pool in order',
      five,
      room({ KWT: 1, OMN: 1 }, 1, 3),
      ['c:quota', 'd:quota', 'a:pool'],
    ],
    [
      'a quota that fills stops being owed',
      five,
      room({ KWT: 1 }, 2, 3),
      ['c:quota', 'a:pool', 'b:pool'],
    ],
    ['no pool and no quota room: nobody', five, room({}, 0, 10), []],
    ['more seats than people: everyone who fits', five, room({}, 9, 9), ['a', 'b', 'c', 'd', 'e']],
    ['the whole session full: nobody', five, room({ QAT: 2 }, 2, 0), []],
    [
      'an ineligible nomination is passed over',
      [entry('x', 'QAT', 1, false), entry('y', 'QAT', 2)],
      room({}, 1, 1),
      ['y:pool'],
    ],
    [
      'a person selected elsewhere over the same days is passed over',
      [{ ...entry('x', 'QAT', 1), selectedElsewhere: true }, entry('y', 'QAT', 2)],
      room({}, 2, 2),
      ['y:pool'],
    ],
    ['an empty waitlist: nobody', [], room({ QAT: 3 }, 3, 6), []],
  ] as const)('%s', (_, entries, seats, expected) => {
    const plan = promotionPlan(entries, seats);
    const withSource = expected.some((e) => e.includes(':'));
    expect(plan.map((p) => (withSource ? `${p.id}:${p.seatSource}` : p.id))).toEqual(expected);
  });

  it('promotes nobody while paused', () => {
    expect(promotionPlan(five, room({ QAT: 5 }, 5, 10), { paused: true })).toEqual([]);
  });

  it('passes over a nomination a registrar has just waitlisted on purpose', () => {
    const plan = promotionPlan(five, room({}, 2, 2), { held: new Set(['a']) });
    expect(plan.map((p) => p.id)).toEqual(['b', 'c']);
  });
});
