import { describe, expect, it } from 'vitest';
import {
  type Counts,
  lagReasons,
  lineProgress,
  type NominationFact,
  type PlannedLine,
  rollUp,
  type SessionFact,
} from './programme-progress.js';

const line: PlannedLine = { id: 'pa1', activityId: 'act', years: [2026, 2027], seatsPlanned: 5 };
const session = (year: number, offered: number, status = 'announced'): SessionFact => ({
  activityId: 'act',
  year,
  offered,
  status,
});
const nomination = (
  year: number,
  status: string,
  result: string | null = null,
  extra: Partial<NominationFact> = {},
): NominationFact => ({
  activityId: 'act',
  year,
  plannedActivityId: null,
  status,
  result,
  ...extra,
});

const counts = (c: Partial<Counts>): Counts => ({
  planned: 4,
  offered: 0,
  nominated: 0,
  selected: 0,
  completed: 0,
  noShows: 0,
  ...c,
});

describe('lag reasons', () => {
  it.each<[string, Partial<Counts>, number, string[]]>([
    ['plan met', { offered: 4, nominated: 4, selected: 4, completed: 4 }, 1, []],
    ['nothing scheduled', {}, 0, ['no-session-scheduled']],
    [
      'quota unused',
      { offered: 4, nominated: 2, selected: 2 },
      1,
      ['quota-not-used', 'not-yet-delivered'],
    ],
    [
      'no-shows',
      { offered: 4, nominated: 4, selected: 4, completed: 3, noShows: 1 },
      1,
      ['no-shows'],
    ],
    [
      'selected, not delivered',
      { offered: 4, nominated: 4, selected: 4 },
      1,
      ['not-yet-delivered'],
    ],
    [
      'more than planned',
      { planned: 2, offered: 4, nominated: 4, selected: 3, completed: 3 },
      1,
      [],
    ],
  ])('%s', (_name, c, scheduled, expected) => {
    expect(lagReasons(counts(c), scheduled)).toEqual(expected);
  });
});

describe('line progress', () => {
  it.each<[string, SessionFact[], NominationFact[], Partial<Counts>, string[]]>([
    ['empty', [], [], { planned: 5 }, ['no-session-scheduled']],
    [
      'offered, nominated, selected, completed',
      [session(2026, 3), session(2027, 2)],
      [
        nomination(2026, 'selected', 'completed'),
        nomination(2026, 'selected', 'no-show'),
        nomination(2026, 'waitlisted'),
        nomination(2027, 'draft'),
        nomination(2027, 'submitted'),
      ],
      { planned: 5, offered: 5, nominated: 4, selected: 2, completed: 1, noShows: 1 },
      ['quota-not-used', 'no-shows'],
    ],
    [
      'cancelled sessions and other years do not count',
      [session(2026, 3, 'cancelled'), session(2030, 4)],
      [nomination(2030, 'selected', 'completed')],
      { planned: 5 },
      ['no-session-scheduled'],
    ],
    [
      'nominations ended by a cancelled session do not count',
      [session(2026, 3, 'cancelled'), session(2026, 2)],
      [nomination(2026, 'session-cancelled'), nomination(2026, 'submitted')],
      { planned: 5, offered: 2, nominated: 1 },
      ['no-session-scheduled', 'quota-not-used'],
    ],
    [
      'a nomination linked to another planned activity is not this one',
      [session(2026, 2)],
      [nomination(2026, 'selected', 'completed', { plannedActivityId: 'other' })],
      { planned: 5, offered: 2 },
      ['no-session-scheduled', 'quota-not-used'],
    ],
  ])('%s', (_name, sessions, nominations, expected, reasons) => {
    const { total } = lineProgress(line, sessions, nominations);
    expect(total).toEqual({ ...counts({ planned: 5 }), ...expected, lagReasons: reasons });
  });

  it('spreads planned seats over the years, the remainder first', () => {
    const { byYear } = lineProgress(
      { ...line, years: [2028, 2026, 2027], seatsPlanned: 7 },
      [],
      [],
    );
    expect(byYear.map((y) => [y.year, y.planned])).toEqual([
      [2026, 3],
      [2027, 2],
      [2028, 2],
    ]);
  });

  it('free text counts only the nominations linked to it', () => {
    const free: PlannedLine = { id: 'pa2', activityId: null, years: [2026], seatsPlanned: 1 };
    const { total } = lineProgress(
      free,
      [session(2026, 3)],
      [
        nomination(2026, 'selected', 'completed', { plannedActivityId: 'pa2' }),
        nomination(2026, 'selected', 'completed'),
      ],
    );
    expect(total).toMatchObject({ offered: 0, nominated: 1, completed: 1, lagReasons: [] });
  });
});

describe('roll-up', () => {
  it('sums lines and keeps every lag reason while behind plan', () => {
    const a = { ...counts({ planned: 2, completed: 2 }), lagReasons: [] };
    const b = {
      ...counts({ planned: 3, offered: 3, nominated: 1 }),
      lagReasons: ['quota-not-used' as const],
    };
    expect(rollUp([a, b])).toMatchObject({
      planned: 5,
      completed: 2,
      lagReasons: ['quota-not-used'],
    });
    expect(rollUp([a])).toMatchObject({ lagReasons: [] });
    expect(rollUp([])).toMatchObject({ planned: 0, lagReasons: [] });
  });
});
