import { describe, expect, it } from 'vitest';
import { isRankInRange, rankOrder } from './ranks.js';

const ASCENDING = [
  'OR-1',
  'OR-2',
  'OR-3',
  'OR-4',
  'OR-5',
  'OR-6',
  'OR-7',
  'OR-8',
  'OR-9',
  'OF-D',
  'OF-1',
  'OF-2',
  'OF-3',
  'OF-4',
  'OF-5',
  'OF-6',
  'OF-7',
  'OF-8',
  'OF-9',
  'OF-10',
];

describe('rank order', () => {
  it('orders OR-1 < ... < OR-9 < OF-D < OF-1 < ... < OF-10', () => {
    const orders = ASCENDING.map(rankOrder);
    expect(orders.every((o) => o !== null)).toBe(true);
    for (let i = 1; i < orders.length; i++) {
      expect(orders[i] as number, `${ASCENDING[i - 1]} < ${ASCENDING[i]}`).toBeGreaterThan(
        orders[i - 1] as number,
      );
    }
  });

  it.each(['CIV', 'OR-0', 'OR-10', 'OF-0', 'OF-11', 'OF-01', 'of-3', ''])(
    'gives %j no order',
    (code) => {
      expect(rankOrder(code)).toBeNull();
    },
  );
});

describe('rank range', () => {
  it.each([
    ['OF-3', 'OF-2', 'OF-5', true],
    ['OF-2', 'OF-2', 'OF-5', true],
    ['OF-5', 'OF-2', 'OF-5', true],
    ['OF-1', 'OF-2', 'OF-5', false],
    ['OF-6', 'OF-2', 'OF-5', false],
    ['OR-9', 'OF-D', null, false],
    ['OF-D', 'OR-9', 'OF-1', true],
    ['OF-10', 'OF-4', null, true],
    ['OR-1', null, 'OR-5', true],
    ['OR-6', null, 'OR-5', false],
    ['OR-4', null, null, true],
    ['CIV', null, null, false],
    ['CIV', 'OR-1', 'OF-10', false],
  ] as const)('%s in [%s, %s] is %s', (code, min, max, expected) => {
    expect(isRankInRange(code, min, max)).toBe(expected);
  });
});
