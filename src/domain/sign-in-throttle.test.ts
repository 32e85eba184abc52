import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  delayAfter,
  rememberedFailures,
  type ThrottlePolicy,
  waitBeforeAttempt,
  withFailure,
} from './sign-in-throttle.js';

const policy: ThrottlePolicy = {
  freeFailures: 3,
  firstDelayMs: 1_000,
  maxDelayMs: 60_000,
  forgetOneEveryMs: 600_000,
};
const at = (seconds: number) => new Date(Date.UTC(2027, 0, 1) + seconds * 1_000);

describe('delayAfter', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [8, 32_000],
    [9, 60_000],
    [5_000, 60_000],
  ])('%i failures: %i ms', (failures, delay) => {
    expect(delayAfter(failures, policy)).toBe(delay);
  });

  it('gives the account and the address fifteen minutes at most', () => {
    expect(delayAfter(ACCOUNT_THROTTLE.freeFailures - 1, ACCOUNT_THROTTLE)).toBe(0);
    expect(delayAfter(ACCOUNT_THROTTLE.freeFailures, ACCOUNT_THROTTLE)).toBe(1_000);
    expect(delayAfter(ADDRESS_THROTTLE.freeFailures - 1, ADDRESS_THROTTLE)).toBe(0);
    for (const p of [ACCOUNT_THROTTLE, ADDRESS_THROTTLE]) {
      expect(delayAfter(1_000, p)).toBe(15 * 60_000);
    }
  });
});

describe('rememberedFailures', () => {
  it.each([
    ['right after', 0, 5],
    ['just before one is forgotten', 599, 5],
    ['after ten quiet minutes', 600, 4],
    ['after an hour', 3_600, 0],
    ['a clock that went back', -30, 5],
  ])('%s', (_, seconds, expected) => {
    expect(rememberedFailures({ failures: 5, lastFailureAt: at(0) }, at(seconds), policy)).toBe(
      expected,
    );
  });
});

describe('waitBeforeAttempt', () => {
  it.each([
    ['under the free failures', 2, 0, 0],
    ['at once after the third', 3, 0, 1_000],
    ['half-way through the wait', 3, 0.5, 500],
    ['once the wait is over', 3, 1, 0],
    ['the sixth, three seconds on', 6, 3, 5_000],
    ['many failures, capped', 50, 0, 60_000],
    // Ten quiet minutes forget one: the wait is that of one failure fewer.
    ['many failures, ten minutes on', 50, 600, 0],
    // A parallel attempt recorded a moment after this one's `now`, or another server's clock.
    ['a last failure later than now, under the free ones', 1, -0.2, 0],
    ['a last failure later than now, past them', 3, -5, 1_000],
  ])('%s', (_, failures, seconds, wait) => {
    expect(waitBeforeAttempt({ failures, lastFailureAt: at(0) }, at(seconds), policy)).toBe(wait);
  });
});

describe('withFailure', () => {
  it('starts at one, counts on, and forgets the quiet time first', () => {
    expect(withFailure(null, at(0), policy)).toEqual({ failures: 1, lastFailureAt: at(0) });
    const third = withFailure({ failures: 2, lastFailureAt: at(0) }, at(5), policy);
    expect(third).toEqual({ failures: 3, lastFailureAt: at(5) });
    const later = withFailure({ failures: 4, lastFailureAt: at(0) }, at(1_200), policy);
    expect(later).toEqual({ failures: 3, lastFailureAt: at(1_200) });
  });

  it('makes each further failure double the wait until the cap', () => {
    let state = withFailure(null, at(0), policy);
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 9; i++) {
      const wait = waitBeforeAttempt(state, at(now), policy);
      waits.push(wait);
      now += wait / 1_000;
      state = withFailure(state, at(now), policy);
    }
    expect(waits).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
  });
});
