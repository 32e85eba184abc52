import { describe, expect, it } from 'vitest';
import type { NominationStatus } from '../contract/nominations.js';
import {
  concernedNominations,
  type NominationAtChange,
  type SessionChangeKind,
  type SessionKnownFacts,
  sessionChanges,
} from './session-changes.js';

const BEFORE: SessionKnownFacts = {
  startDate: '2027-03-07',
  endDate: '2027-03-11',
  venue: { code: 'KWI-NIRC', name: { en: 'NATO-ICI Regional Centre' } },
  joiningInstructions: { en: 'Report at 07:30.' },
  director: { id: 'd1', name: 'Col. Hamad' },
};

describe('sessionChanges', () => {
  it.each<[string, Partial<SessionKnownFacts>, string[]]>([
    ['nothing', {}, []],
    ['the end date', { endDate: '2027-03-12' }, ['dates']],
    ['the venue', { venue: { code: 'ROM-NDC', name: { en: 'NDC' } } }, ['venue']],
    ['the venue name only (same venue)', { venue: { code: 'KWI-NIRC', name: { en: 'x' } } }, []],
    [
      'the instructions in French',
      { joiningInstructions: { en: 'Report at 07:30.', fr: 'x' } },
      ['joiningInstructions'],
    ],
    ['instructions removed', { joiningInstructions: null }, ['joiningInstructions']],
    ['the director', { director: { id: 'd2', name: 'Cdr. Lina' } }, ['director']],
    ['no director any more', { director: null }, ['director']],
    [
      'dates and venue together',
      { startDate: '2027-04-04', venue: { code: 'ROM-NDC', name: { en: 'NDC' } } },
      ['dates', 'venue'],
    ],
  ])('%s', (_, edit, fields) => {
    const changes = sessionChanges(BEFORE, { ...BEFORE, ...edit });
    expect(changes.map((c) => c.field)).toEqual(fields);
  });

  it('keeps both sides of each change', () => {
    const [dates] = sessionChanges(BEFORE, { ...BEFORE, startDate: '2027-03-08' });
    expect(dates).toEqual({
      field: 'dates',
      before: { startDate: '2027-03-07', endDate: '2027-03-11' },
      after: { startDate: '2027-03-08', endDate: '2027-03-11' },
    });
  });
});

describe('concernedNominations', () => {
  const ALL: NominationStatus[] = [
    'draft',
    'proposed',
    'submitted',
    'waitlisted',
    'selected',
    'rejected',
    'withdrawn',
  ];
  const nominations: NominationAtChange[] = ALL.map((status, i) => ({
    id: status,
    nationCode: i % 2 === 0 ? 'KWT' : 'QAT',
    status,
  }));

  it.each<[SessionChangeKind, string[], string[]]>([
    ['updated', ['selected'], ['submitted', 'waitlisted', 'selected']],
    ['cancelled', ['selected'], ['draft', 'proposed', 'submitted', 'waitlisted', 'selected']],
    ['announced', [], []],
  ])('a change %s tells participants %j and NPOCs about %j', (kind, people, told) => {
    const concerned = concernedNominations(kind, nominations);
    expect(concerned.participants).toEqual(people);
    const ids = [...concerned.nations.values()].flat().map((n) => n.id);
    expect(ids.sort()).toEqual([...told].sort());
    for (const [nation, list] of concerned.nations) {
      for (const n of list) expect(n.nationCode).toBe(nation);
    }
  });
});
