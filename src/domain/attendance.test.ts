import { describe, expect, it } from 'vitest';
import {
  checkInTiming,
  dayProblem,
  daysHeld,
  decideMark,
  defaultRosterDay,
  formatCheckInCode,
  parseCheckInCode,
} from './attendance.js';

const DAYS = ['2027-03-07', '2027-03-08', '2027-03-11'];

describe('dayProblem', () => {
  it.each([
    ['a working day already begun', '2027-03-08', '2027-03-09', null],
    ['today itself', '2027-03-08', '2027-03-08', null],
    ['a past day stays markable (offline rosters send late)', '2027-03-07', '2027-03-20', null],
    ['a holiday inside the dates', '2027-03-09', '2027-03-20', 'not_a_session_day'],
    ['a day before the session', '2027-03-06', '2027-03-20', 'not_a_session_day'],
    ['a day after the session', '2027-03-12', '2027-03-20', 'not_a_session_day'],
    ['a working day not begun at the venue', '2027-03-11', '2027-03-08', 'day_not_started'],
  ])('%s', (_, day, today, expected) => {
    expect(dayProblem(day, DAYS, today)).toBe(expected);
  });
});

describe('defaultRosterDay', () => {
  it.each([
    ['today when it is a session day', '2027-03-08', '2027-03-08'],
    ['the last day begun when today is a holiday', '2027-03-09', '2027-03-08'],
    ['the last day once the session is over', '2027-04-01', '2027-03-11'],
    ['the first day before the session starts', '2027-03-01', '2027-03-07'],
  ])('%s', (_, today, expected) => {
    expect(defaultRosterDay(DAYS, today)).toBe(expected);
  });

  it('is null for a session without working days', () => {
    expect(defaultRosterDay([], '2027-03-08')).toBeNull();
  });
});

describe('decideMark', () => {
  it.each([
    ['a first mark', null, 'present', null, 'apply'],
    [
      'a first mark sent with a version (stored one gone) still applies',
      null,
      'absent',
      3,
      'apply',
    ],
    [
      'a change built on the stored version',
      { status: 'present', version: 2 },
      'absent',
      2,
      'apply',
    ],
    [
      'a change built on an older version',
      { status: 'present', version: 3 },
      'absent',
      2,
      'conflict',
    ],
    [
      'a change where the sender saw no mark',
      { status: 'present', version: 1 },
      'excused',
      null,
      'conflict',
    ],
    [
      'the same status, whatever the version',
      { status: 'present', version: 5 },
      'present',
      1,
      'unchanged',
    ],
    [
      'a re-sent batch after a lost answer',
      { status: 'absent', version: 4 },
      'absent',
      3,
      'unchanged',
    ],
  ] as const)('%s', (_, stored, status, baseVersion, expected) => {
    expect(decideMark(stored, { status, baseVersion })).toBe(expected);
  });
});

describe('check-in codes', () => {
  const signature = 'AbCdEfGhIjKlMnOpQrStUv';

  it('round-trips the session, the day and the signature', () => {
    const code = formatCheckInCode('CT-A-27', '2027-03-08', signature);
    expect(code).toBe(`CT-A-27.20270308.${signature}`);
    expect(parseCheckInCode(code)).toEqual({
      sessionCode: 'CT-A-27',
      day: '2027-03-08',
      signature,
    });
  });

  it.each([
    ['empty', ''],
    ['no signature', 'CT-A-27.20270308'],
    ['a signature too short', 'CT-A-27.20270308.abc'],
    ['an impossible date', `CT-A-27.20270230.${signature}`],
    ['a lower-case session code', `ct-a-27.20270308.${signature}`],
    ['a character outside base64url', `CT-A-27.20270308.${signature}+`],
    ['extra parts', `CT-A-27.20270308.${signature}.x`],
  ])('refuses %s', (_, code) => {
    expect(parseCheckInCode(code)).toBeNull();
  });

  it.each([
    ['on its own day', '2027-03-08', '2027-03-08', 'valid'],
    ['the day after', '2027-03-08', '2027-03-09', 'expired'],
    ['the day before', '2027-03-08', '2027-03-07', 'early'],
  ] as const)('is %s', (_, day, today, expected) => {
    expect(checkInTiming(day, today)).toBe(expected);
  });
});

describe('days held', () => {
  const days = ['2027-03-07', '2027-03-08', '2027-03-09', '2027-03-11'];
  const none = new Set<string>();
  it.each([
    ['before the start: none', '2027-03-06', false, none, []],
    ['today included', '2027-03-08', false, none, ['2027-03-07', '2027-03-08']],
    ['a holiday today: the days before it', '2027-03-10', false, none, days.slice(0, 3)],
    ['after the end: all', '2027-03-20', false, none, days],
    ['completed early: all', '2027-03-07', true, none, days],
    [
      'a marked day has begun, whatever the clock',
      '2027-03-07',
      false,
      new Set(['2027-03-08']),
      days.slice(0, 2),
    ],
  ] as const)('%s', (_, today, completed, markedDays, expected) => {
    expect(daysHeld(days, today, { completed, markedDays })).toEqual(expected);
  });
});
