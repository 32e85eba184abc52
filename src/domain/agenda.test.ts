import { describe, expect, it } from 'vitest';
import { agendaTimeProblem, instantAt, spansOverlap, wallClockAt } from './agenda.js';

describe('agenda times', () => {
  it.each([
    ['2027-03-07T09:00', 'Asia/Kuwait', '2027-03-07T06:00:00.000Z'],
    ['2027-03-28T02:30', 'Europe/Rome', '2027-03-28T01:30:00.000Z'],
    ['2027-07-01T09:00', 'Europe/Rome', '2027-07-01T07:00:00.000Z'],
  ])('%s in %s is %s, and reads back', (local, zone, iso) => {
    expect(instantAt(local, zone).toISOString()).toBe(iso);
    if (!local.includes('02:30')) expect(wallClockAt(new Date(iso), zone)).toBe(local);
  });

  const days = { startDate: '2027-03-07', endDate: '2027-03-08' };
  it.each([
    [{ startsAt: '2027-03-07T09:00', endsAt: '2027-03-07T10:00' }, null],
    [{ startsAt: '2027-03-07T10:00', endsAt: '2027-03-07T10:00' }, 'agenda_times_reversed'],
    [{ startsAt: '2027-03-07T11:00', endsAt: '2027-03-07T10:00' }, 'agenda_times_reversed'],
    [{ startsAt: '2027-03-06T23:00', endsAt: '2027-03-07T01:00' }, 'agenda_outside_session'],
    [{ startsAt: '2027-03-08T23:00', endsAt: '2027-03-09T00:00' }, 'agenda_outside_session'],
  ] as const)('%o → %s', (item, problem) => {
    expect(agendaTimeProblem(item, days)).toBe(problem);
  });

  it('half-open spans: back to back is free, one minute over is not', () => {
    const span = (a: string, b: string) => ({
      startsAt: new Date(`2027-03-07T${a}Z`),
      endsAt: new Date(`2027-03-07T${b}Z`),
    });
    expect(spansOverlap(span('09:00', '10:00'), span('10:00', '11:00'))).toBe(false);
    expect(spansOverlap(span('09:00', '10:01'), span('10:00', '11:00'))).toBe(true);
    expect(spansOverlap(span('09:00', '12:00'), span('10:00', '11:00'))).toBe(true);
  });
});
