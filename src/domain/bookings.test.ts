import { describe, expect, it } from 'vitest';
import {
  badLanguagePairs,
  languagePairKey,
  overlappingPeriods,
  periodProblem,
  rangesOverlap,
  roomShortfall,
} from './bookings.js';

describe('rangesOverlap', () => {
  it.each([
    ['same days', ['2027-03-07', '2027-03-11'], ['2027-03-07', '2027-03-11'], true],
    ['one shared last day', ['2027-03-07', '2027-03-11'], ['2027-03-11', '2027-03-15'], true],
    ['one shared first day', ['2027-03-11', '2027-03-15'], ['2027-03-07', '2027-03-11'], true],
    ['inside', ['2027-03-01', '2027-03-31'], ['2027-03-10', '2027-03-12'], true],
    ['one-day inside', ['2027-03-10', '2027-03-10'], ['2027-03-07', '2027-03-11'], true],
    ['the day after', ['2027-03-07', '2027-03-11'], ['2027-03-12', '2027-03-14'], false],
    ['the day before', ['2027-03-12', '2027-03-14'], ['2027-03-07', '2027-03-11'], false],
    ['across a year end', ['2027-12-28', '2028-01-03'], ['2028-01-02', '2028-01-05'], true],
    ['a year apart', ['2027-03-07', '2027-03-11'], ['2028-03-07', '2028-03-11'], false],
  ])('%s', (_, [aFrom, aTo], [bFrom, bTo], expected) => {
    const a = { from: aFrom as string, to: aTo as string };
    const b = { from: bFrom as string, to: bTo as string };
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });
});

describe('overlappingPeriods (a lecturer away)', () => {
  const away = [
    { from: '2027-04-01', to: '2027-04-30', note: 'Sabbatical' },
    { from: '2027-03-10', to: '2027-03-10', note: 'Conference' },
    { from: '2027-01-01', to: '2027-01-05', note: null },
  ];
  it.each([
    ['a session before every period', { from: '2026-12-01', to: '2026-12-05' }, []],
    ['a session on a one-day absence', { from: '2027-03-07', to: '2027-03-11' }, ['2027-03-10']],
    ['a session between two periods', { from: '2027-03-11', to: '2027-03-31' }, []],
    [
      'a session across two periods, earliest first',
      { from: '2027-03-01', to: '2027-04-02' },
      ['2027-03-10', '2027-04-01'],
    ],
    [
      'a session ending on the first day away',
      { from: '2027-03-28', to: '2027-04-01' },
      ['2027-04-01'],
    ],
  ])('%s', (_, days, expected) => {
    expect(overlappingPeriods(away, days).map((p) => p.from)).toEqual(expected);
  });
  it('finds nothing when the lecturer has no period', () => {
    expect(overlappingPeriods([], { from: '2027-03-07', to: '2027-03-11' })).toEqual([]);
  });
});

describe('periodProblem', () => {
  it.each([
    [{ from: '2027-03-07', to: '2027-03-11' }, null],
    [{ from: '2027-03-07', to: '2027-03-07' }, null],
    [{ from: '2027-03-11', to: '2027-03-07' }, 'ends before it starts'],
  ])('%o', (period, expected) => {
    expect(periodProblem(period)).toBe(expected);
  });
});

describe('roomShortfall', () => {
  it.each([
    [30, 24, 0],
    [24, 24, 0],
    [20, 24, 4],
    [0, 1, 1],
  ])('a room for %i and a session of %i lacks %i seats', (room, session, expected) => {
    expect(roomShortfall(room, session)).toBe(expected);
  });
});

describe('language pairs', () => {
  it('writes a pair one way whichever way it is given', () => {
    expect(languagePairKey('en', 'ar')).toBe('ar<>en');
    expect(languagePairKey('ar', 'en')).toBe('ar<>en');
  });
  it.each([
    [
      'distinct pairs',
      [
        ['en', 'ar'],
        ['fr', 'ar'],
      ],
      [],
    ],
    [
      'the same pair reversed',
      [
        ['en', 'ar'],
        ['ar', 'en'],
      ],
      [{ index: 1, reason: 'duplicate_pair' }],
    ],
    ['a language with itself', [['ar', 'ar']], [{ index: 0, reason: 'same_language' }]],
    [
      'both problems',
      [
        ['en', 'ar'],
        ['en', 'en'],
        ['en', 'ar'],
      ],
      [
        { index: 1, reason: 'same_language' },
        { index: 2, reason: 'duplicate_pair' },
      ],
    ],
  ])('%s', (_, pairs, expected) => {
    expect(
      badLanguagePairs(pairs.map(([from, to]) => ({ from: from as string, to: to as string }))),
    ).toEqual(expected);
  });
});
