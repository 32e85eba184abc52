import { describe, expect, it } from 'vitest';
import type { ParticipantResult } from '../../../contract/index.js';
import { changedEntries, draftOf, proposedEntries, validScore } from './drafts.js';

const row = (id: string, over: Partial<ParticipantResult> = {}): ParticipantResult => ({
  nominationId: id,
  participantId: id,
  name: { latin: id, arabic: null },
  nationCode: 'KWT',
  rankCode: 'OF-3',
  rankTitle: null,
  nominationStatus: 'selected',
  attendance: { days: 4, present: 4, absent: 0, excused: 0, unmarked: 0 },
  proposed: { status: 'completed', reason: 'rule-met', countedDays: 4, percent: 100 },
  status: null,
  confirmedByName: null,
  confirmedAt: null,
  preTestScore: null,
  postTestScore: null,
  ...over,
});

describe('result drafts', () => {
  it('sends only rows that changed and have a status', () => {
    const rows = [row('a'), row('b', { status: 'completed', postTestScore: 70 }), row('c')];
    const drafts = new Map([
      ['a', { status: 'failed' as const, pre: '' as const, post: '' as const }],
      ['b', { ...draftOf(rows[1] as ParticipantResult), post: 75 }],
      ['c', draftOf(rows[2] as ParticipantResult)],
    ]);
    expect(changedEntries(rows, drafts, true)).toEqual([
      { nominationId: 'a', status: 'failed', preTestScore: null, postTestScore: null },
      { nominationId: 'b', status: 'completed', preTestScore: null, postTestScore: 75 },
    ]);
    // Without level 2, score edits are not changes and no score is sent.
    expect(changedEntries(rows, drafts, false)).toEqual([{ nominationId: 'a', status: 'failed' }]);
  });

  it('proposes the rule status for every unconfirmed row', () => {
    const rows = [
      row('a'),
      row('b', { status: 'failed' }),
      row('c', {
        proposed: { status: 'no-show', reason: 'no-day-present', countedDays: 4, percent: 0 },
      }),
    ];
    expect(proposedEntries(rows)).toEqual([
      { nominationId: 'a', status: 'completed' },
      { nominationId: 'c', status: 'no-show' },
    ]);
  });

  it('confirms nothing while days are still to come, nor a row without a proposal', () => {
    const rows = [row('a'), row('b', { proposed: null })];
    expect(proposedEntries(rows, 2)).toEqual([]);
    expect(proposedEntries(rows)).toEqual([{ nominationId: 'a', status: 'completed' }]);
  });

  it.each([
    ['', true],
    [0, true],
    [100, true],
    [55.25, true],
    [55.255, false],
    [-1, false],
    [100.5, false],
  ] as const)('score %s valid: %s', (value, ok) => {
    expect(validScore(value)).toBe(ok);
  });
});
