import { describe, expect, it } from 'vitest';
import { quotaProblems, seatsOf } from './seats.js';

const kwt = (seats: number) => ({ nationCode: 'KWT', seats });
const qat = (seats: number) => ({ nationCode: 'QAT', seats });

describe('seatsOf', () => {
  it.each([
    ['no quotas', 20, [], 0, { capacity: 20, quotaTotal: 0, pool: 20, taken: 0, left: 20 }],
    [
      'two quotas',
      20,
      [kwt(4), qat(3)],
      5,
      { capacity: 20, quotaTotal: 7, pool: 13, taken: 5, left: 15 },
    ],
    [
      'quotas fill it',
      7,
      [kwt(4), qat(3)],
      7,
      { capacity: 7, quotaTotal: 7, pool: 0, taken: 7, left: 0 },
    ],
    [
      'quotas over capacity',
      5,
      [kwt(4), qat(3)],
      0,
      { capacity: 5, quotaTotal: 7, pool: 0, taken: 0, left: 5 },
    ],
  ])('%s', (_, capacity, quotas, taken, expected) => {
    expect(seatsOf(capacity, quotas, taken)).toEqual(expected);
  });
});

describe('quotaProblems', () => {
  it.each([
    ['quotas within capacity', 20, [kwt(4), qat(3)], 0, []],
    ['quotas exactly the capacity', 7, [kwt(4), qat(3)], 7, []],
    ['quotas over capacity', 6, [kwt(4), qat(3)], 0, [['quotas', 'quotas_over_capacity']]],
    [
      'a nation twice',
      20,
      [kwt(4), qat(3), kwt(1)],
      0,
      [['quotas.2.nationCode', 'duplicate_quota']],
    ],
    ['capacity below taken', 10, [], 11, [['capacity', 'capacity_below_taken']]],
    [
      'everything at once',
      5,
      [kwt(4), kwt(3)],
      6,
      [
        ['quotas.1.nationCode', 'duplicate_quota'],
        ['quotas', 'quotas_over_capacity'],
        ['capacity', 'capacity_below_taken'],
      ],
    ],
  ] as const)('%s', (_, capacity, quotas, taken, expected) => {
    const problems = quotaProblems(capacity, quotas, taken);
    expect(problems.map((p) => [p.field, p.code])).toEqual(expected);
  });
});
