import { describe, expect, it } from 'vitest';
import { type CompletionInput, proposeResult } from './completion.js';

const input = (
  days: number,
  present: number,
  absent: number,
  excused: number,
  completionPercent = 80,
  nominationStatus = 'selected',
): CompletionInput => ({
  attendance: { days, present, absent, excused },
  completionPercent,
  nominationStatus,
});

describe('proposeResult', () => {
  it.each([
    // days, present, absent, excused, rule -> status, reason, counted, percent
    [5, 5, 0, 0, 80, 'completed', 'rule-met', 5, 100],
    [5, 4, 1, 0, 80, 'completed', 'rule-met', 5, 80], // exactly the rule
    [5, 3, 2, 0, 80, 'partially-attended', 'rule-not-met', 5, 60],
    [10, 8, 2, 0, 80, 'completed', 'rule-met', 10, 80],
    [10, 7, 3, 0, 80, 'partially-attended', 'rule-not-met', 10, 70],
    [3, 2, 1, 0, 67, 'partially-attended', 'rule-not-met', 3, 66], // 66.67% < 67
    [3, 2, 1, 0, 66, 'completed', 'rule-met', 3, 66], // 66.67% >= 66
    [5, 4, 0, 1, 100, 'completed', 'rule-met', 4, 100], // an excused day is not held against
    [5, 3, 0, 2, 100, 'completed', 'rule-met', 3, 100],
    [5, 3, 1, 1, 80, 'partially-attended', 'rule-not-met', 4, 75],
    [5, 4, 0, 0, 80, 'completed', 'rule-met', 5, 80], // one day unmarked counts as not present
    [5, 3, 0, 0, 80, 'partially-attended', 'rule-not-met', 5, 60], // two unmarked
    [5, 0, 5, 0, 80, 'no-show', 'no-day-present', 5, 0],
    [5, 0, 0, 0, 80, 'no-show', 'no-day-present', 5, 0], // never marked
    [5, 0, 0, 5, 80, 'no-show', 'no-day-present', 0, null], // excused throughout: never came
    [5, 0, 2, 3, 50, 'no-show', 'no-day-present', 2, 0],
    [2, 1, 1, 0, 50, 'completed', 'rule-met', 2, 50], // the lowest rule, at its boundary
    [1, 1, 0, 0, 100, 'completed', 'rule-met', 1, 100],
  ] as const)(
    '%i days, %i present, %i absent, %i excused at %i%% -> %s (%s)',
    (days, present, absent, excused, rule, status, code, counted, percent) => {
      expect(proposeResult(input(days, present, absent, excused, rule))).toEqual({
        status,
        code,
        countedDays: counted,
        percent,
      });
    },
  );

  it('proposes withdrawn for a withdrawn nomination, whatever the marks', () => {
    expect(proposeResult(input(5, 5, 0, 0, 80, 'withdrawn'))).toMatchObject({
      status: 'withdrawn',
      code: 'withdrawn',
      percent: 100,
    });
    expect(proposeResult(input(5, 0, 0, 0, 80, 'withdrawn'))?.status).toBe('withdrawn');
  });

  it('never proposes failed: failing is a director decision', () => {
    const statuses = new Set<string>();
    for (let present = 0; present <= 5; present += 1) {
      for (let excused = 0; excused <= 5 - present; excused += 1) {
        for (const rule of [50, 80, 100]) {
          statuses.add(
            proposeResult(input(5, present, 5 - present - excused, excused, rule))?.status ?? '',
          );
        }
      }
    }
    expect(statuses.has('failed')).toBe(false);
  });

  it('does not count more present days than there are counted days', () => {
    // Inconsistent input (marks on more days than the session has) stays within 100%.
    expect(proposeResult(input(2, 3, 0, 0, 80))).toMatchObject({
      status: 'completed',
      percent: 100,
    });
  });

  describe('while the course is still running', () => {
    const running = (
      days: number,
      present: number,
      absent: number,
      excused: number,
      toCome: number,
    ) => ({
      ...input(days, present, absent, excused),
      daysToCome: toCome,
    });

    it.each([
      // held days, present, absent, excused, days to come -> status (null: nothing yet)
      [0, 0, 0, 0, 5, null], // not a day held yet
      [2, 0, 0, 0, 3, null], // not present yet: may still come, no no-show before the end
      [2, 0, 2, 0, 3, null],
      [2, 0, 0, 2, 3, null], // excused so far
      [2, 2, 0, 0, 3, 'completed'], // the rule over the days held so far
      [3, 2, 1, 0, 2, 'partially-attended'],
      [5, 0, 0, 0, 0, 'no-show'], // the last day held: now it is a conclusion
    ] as const)(
      '%i days held, %i present, %i absent, %i excused, %i to come -> %s',
      (days, present, absent, excused, toCome, status) => {
        expect(proposeResult(running(days, present, absent, excused, toCome))?.status ?? null).toBe(
          status,
        );
      },
    );

    it('counts only the days held, not those to come', () => {
      expect(proposeResult(running(2, 2, 0, 0, 3))).toEqual({
        status: 'completed',
        code: 'rule-met',
        countedDays: 2,
        percent: 100,
      });
    });

    it('still proposes withdrawn for a withdrawn nomination', () => {
      expect(
        proposeResult({ ...running(1, 0, 0, 0, 4), nominationStatus: 'withdrawn' })?.status,
      ).toBe('withdrawn');
    });
  });
});
