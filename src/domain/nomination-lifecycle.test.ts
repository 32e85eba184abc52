import { describe, expect, it } from 'vitest';
import {
  NOMINATION_ACTIONS,
  NOMINATION_STATUSES,
  type NominationAction,
  type NominationStatus,
} from '../contract/nominations.js';
import type { Role } from '../contract/roles.js';
import {
  ACTION_SIDE,
  actionsFor,
  afterSessionCancelled,
  allowedActions,
  canSubstitute,
  canWithdrawOn,
  holdsSeat,
  isFinal,
  isLive,
  reasonRequired,
  targetOf,
} from './nomination-lifecycle.js';

const ALLOWED: [NominationStatus, NominationAction, NominationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['proposed', 'submit', 'submitted'],
  ['proposed', 'decline', 'declined'],
  ['proposed', 'withdraw', 'withdrawn'],
  ['invited', 'decline', 'declined'],
  ['invited', 'withdraw', 'withdrawn'],
  ['submitted', 'select', 'selected'],
  ['submitted', 'waitlist', 'waitlisted'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['waitlisted', 'select', 'selected'],
  ['waitlisted', 'reject', 'rejected'],
  ['waitlisted', 'withdraw', 'withdrawn'],
  ['selected', 'reject', 'rejected'],
  ['selected', 'withdraw', 'withdrawn'],
];

const FINAL: NominationStatus[] = [
  'rejected',
  'withdrawn',
  'declined',
  'substituted',
  'session-cancelled',
];

describe('nomination life cycle', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(targetOf(from, action)).toBe(to);
    expect(allowedActions(from)).toContain(action);
  });

  it('allows nothing else', () => {
    for (const from of NOMINATION_STATUSES) {
      for (const action of NOMINATION_ACTIONS) {
        const row = ALLOWED.find(([f, a]) => f === from && a === action);
        expect(targetOf(from, action), `${from} --${action}-->`).toBe(row ? row[2] : null);
      }
      const expected = ALLOWED.filter(([f]) => f === from).map(([, a]) => a);
      expect([...allowedActions(from)].sort()).toEqual([...expected].sort());
    }
  });

  it.each(FINAL)('%s is final', (status) => {
    expect(isFinal(status)).toBe(true);
    expect(isLive(status)).toBe(false);
    expect(allowedActions(status)).toEqual([]);
  });

  it.each([
    ['draft', false, false],
    ['proposed', false, false],
    ['submitted', false, false],
    ['waitlisted', false, false],
    ['selected', true, true],
    ['rejected', false, false],
    ['withdrawn', false, false],
    ['declined', false, false],
    ['substituted', false, false],
    ['session-cancelled', false, false],
  ] as const)('%s: holds a seat %s, can be substituted %s', (status, seat, substitute) => {
    expect(holdsSeat(status)).toBe(seat);
    expect(canSubstitute(status)).toBe(substitute);
    expect(isLive(status)).toBe(!FINAL.includes(status));
  });

  it.each([
    ['draft', 'session-cancelled'],
    ['proposed', 'session-cancelled'],
    ['submitted', 'session-cancelled'],
    ['waitlisted', 'session-cancelled'],
    ['selected', 'session-cancelled'],
    ['rejected', 'rejected'],
    ['withdrawn', 'withdrawn'],
    ['declined', 'declined'],
    ['substituted', 'substituted'],
    ['session-cancelled', 'session-cancelled'],
  ] as const)('a %s nomination of a cancelled session ends %s', (status, expected) => {
    expect(afterSessionCancelled(status)).toBe(expected);
  });

  it.each([
    ['reject', true],
    ['decline', true],
    ['withdraw', true],
    ['submit', false],
    ['select', false],
    ['waitlist', false],
  ] as const)('%s needs a reason: %s', (action, expected) => {
    expect(reasonRequired(action)).toBe(expected);
  });

  it('assigns each action a side', () => {
    expect(ACTION_SIDE).toEqual({
      submit: 'nation-npoc',
      decline: 'nation-npoc',
      withdraw: 'nation',
      select: 'centre',
      waitlist: 'centre',
      reject: 'centre',
    });
  });
});

describe('actions by role', () => {
  const notDirector = { isDirectorOfSession: false };
  const director = { isDirectorOfSession: true };

  it.each([
    ['submitted', ['registrar'], notDirector, ['select', 'waitlist', 'reject']],
    ['submitted', ['administrator'], notDirector, ['select', 'waitlist', 'reject']],
    ['waitlisted', ['registrar'], notDirector, ['select', 'reject']],
    ['selected', ['registrar'], notDirector, ['reject']],
    ['draft', ['registrar'], notDirector, []],
    ['submitted', ['course_director'], notDirector, []],
    ['submitted', ['course_director'], director, ['select', 'waitlist', 'reject']],
    ['draft', ['npoc'], notDirector, ['submit', 'withdraw']],
    ['proposed', ['npoc'], notDirector, ['submit', 'decline', 'withdraw']],
    ['submitted', ['npoc'], notDirector, ['withdraw']],
    ['selected', ['npoc'], notDirector, ['withdraw']],
    ['draft', ['nominator'], notDirector, ['withdraw']],
    ['proposed', ['nominator'], notDirector, ['withdraw']],
    ['submitted', ['nominator'], notDirector, []],
    ['selected', ['nominator'], notDirector, []],
    ['submitted', ['instructor', 'observer', 'participant'], director, []],
    ['submitted', ['registrar', 'npoc'], notDirector, ['select', 'waitlist', 'reject', 'withdraw']],
    ['rejected', ['administrator', 'npoc'], director, []],
  ] as [NominationStatus, Role[], { isDirectorOfSession: boolean }, NominationAction[]][])(
    '%s with %j (%o) may %j',
    (status, roles, opts, expected) => {
      expect(actionsFor(status, roles, opts)).toEqual(expected);
    },
  );
});

describe('withdrawal deadline', () => {
  it.each([
    ['2026-03-01', '2026-03-02', true],
    ['2026-03-02', '2026-03-02', false],
    ['2026-03-03', '2026-03-02', false],
    ['2025-12-31', '2026-01-01', true],
  ] as const)('on %s before a start of %s: %s', (today, start, expected) => {
    expect(canWithdrawOn(today, start)).toBe(expected);
  });
});
