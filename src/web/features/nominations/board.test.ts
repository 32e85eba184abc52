import { describe, expect, it } from 'vitest';
import type { NominationSummary } from '../../../contract/index.js';
import { boardOrder, isDecidable, reachOf, waitlistOrder } from './board.js';

function row(patch: Partial<NominationSummary>): NominationSummary {
  return {
    id: patch.id ?? 'x',
    sessionCode: 'S-1',
    activityTitle: { en: 'Course' },
    startDate: '2027-03-07',
    endDate: '2027-03-11',
    nationCode: 'KWT',
    participantId: 'p',
    participantName: { latin: 'A', arabic: null },
    rankCode: 'OF-3',
    rankTitle: null,
    status: 'submitted',
    priority: null,
    seatSource: null,
    eligibility: { lines: [], eligible: true },
    overridden: false,
    submittedAt: null,
    decisionReason: null,
    eventRole: null,
    invitedAt: null,
    waitlist: null,
    allowedActions: [],
    ...patch,
  };
}

function wait(position: number): NominationSummary['waitlist'] {
  return {
    position,
    reason: 'r',
    entitled: true,
    priority: null,
    submittedAt: '2027-01-01T00:00:00Z',
    selectedElsewhere: null,
  };
}

describe('selection board order', () => {
  it('groups by nation, first choice first, unranked last', () => {
    const rows = [
      row({ id: '1', nationCode: 'QAT', priority: 1 }),
      row({ id: '2', nationCode: 'KWT', priority: null }),
      row({ id: '3', nationCode: 'KWT', priority: 2 }),
      row({ id: '4', nationCode: 'KWT', priority: 1 }),
    ];
    expect(boardOrder(rows).map((r) => r.id)).toEqual(['4', '3', '2', '1']);
  });

  it('keeps the waitlist in the server order', () => {
    const rows = [
      row({ id: 'a', status: 'waitlisted', waitlist: wait(2) }),
      row({ id: 'b', status: 'submitted' }),
      row({ id: 'c', status: 'waitlisted', waitlist: wait(1) }),
    ];
    expect(waitlistOrder(rows).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('ticks only nominations open to a centre decision', () => {
    expect(isDecidable(row({ allowedActions: ['select', 'withdraw'] }))).toBe(true);
    expect(isDecidable(row({ allowedActions: ['withdraw'] }))).toBe(false);
  });

  it('counts who a step reaches: selected, waitlisted, awaiting a decision, their nations', () => {
    const rows = [
      row({ nationCode: 'KWT', status: 'selected' }),
      row({ nationCode: 'KWT', status: 'selected' }),
      row({ nationCode: 'QAT', status: 'waitlisted' }),
      row({ nationCode: 'BHR', status: 'submitted' }),
      // Neither a rejected nomination nor a draft is reached.
      row({ nationCode: 'OMN', status: 'rejected' }),
      row({ nationCode: 'ARE', status: 'draft' }),
    ];
    expect(reachOf(rows)).toEqual({ selected: 2, waitlisted: 1, pending: 1, nations: 3 });
    expect(reachOf([])).toEqual({ selected: 0, waitlisted: 0, pending: 0, nations: 0 });
  });
});
