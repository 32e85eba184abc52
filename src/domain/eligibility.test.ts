import { describe, expect, it } from 'vitest';
import { Prerequisites } from '../contract/catalogue.js';
import type { EligibilityLine } from '../contract/nominations.js';
import {
  type EligibilityInput,
  evaluateEligibility,
  hardFailures,
  warnings,
} from './eligibility.js';

interface Overrides {
  person?: Partial<EligibilityInput['person']>;
  prerequisites?: Partial<Prerequisites>;
  today?: string;
  releasable?: boolean;
  completedActivityCodes?: string[];
  overlapping?: EligibilityInput['overlapping'];
}

/** A person who meets an activity with no prerequisites, inside the window. */
function input(o: Overrides = {}): EligibilityInput {
  return {
    person: {
      rankCode: 'OF-3',
      languageProfiles: [{ language: 'en', profile: '3333' }],
      clearanceLevel: 'NONE',
      clearanceExpiresOn: null,
      ...o.person,
    },
    prerequisites: { ...Prerequisites.parse({}), ...o.prerequisites },
    sessionStartDate: '2026-05-04',
    sessionEndDate: '2026-05-15',
    today: o.today ?? '2026-03-10',
    window: { opens: '2026-03-01', closes: '2026-03-31' },
    releasable: o.releasable ?? true,
    completedActivityCodes: o.completedActivityCodes ?? [],
    overlapping: o.overlapping ?? [],
  };
}

function linesOf(o: Overrides, rule: EligibilityLine['rule']): EligibilityLine[] {
  return evaluateEligibility(input(o)).lines.filter((l) => l.rule === rule);
}

describe('eligibility', () => {
  it('passes a person with no prerequisites to meet on window and releasability only', () => {
    expect(evaluateEligibility(input())).toEqual({
      eligible: true,
      lines: [
        { rule: 'window', outcome: 'pass', params: { opens: '2026-03-01', closes: '2026-03-31' } },
        { rule: 'releasability', outcome: 'pass', params: {} },
      ],
    });
  });

  it.each([
    ['2026-02-28', 'fail'],
    ['2026-03-01', 'pass'],
    ['2026-03-31', 'pass'],
    ['2026-04-01', 'fail'],
  ] as const)('window: on %s %s', (today, outcome) => {
    expect(linesOf({ today }, 'window')).toEqual([
      { rule: 'window', outcome, params: { opens: '2026-03-01', closes: '2026-03-31' } },
    ]);
  });

  it.each([
    [true, 'pass'],
    [false, 'fail'],
  ] as const)('releasability: releasable %s -> %s', (releasable, outcome) => {
    expect(linesOf({ releasable }, 'releasability')).toEqual([
      { rule: 'releasability', outcome, params: {} },
    ]);
  });

  it.each([
    ['OF-3', 'OF-2', 'OF-4', 'pass'],
    ['OF-2', 'OF-2', 'OF-4', 'pass'],
    ['OF-4', 'OF-2', 'OF-4', 'pass'],
    ['OF-1', 'OF-2', 'OF-4', 'fail'],
    ['OF-5', 'OF-2', 'OF-4', 'fail'],
    ['OR-9', 'OF-D', null, 'fail'],
    ['OF-10', 'OF-D', null, 'pass'],
    ['OR-7', null, 'OR-9', 'pass'],
  ] as const)('rank: %s in [%s, %s] -> %s', (rankCode, rankMin, rankMax, outcome) => {
    expect(linesOf({ person: { rankCode }, prerequisites: { rankMin, rankMax } }, 'rank')).toEqual([
      { rule: 'rank', outcome, params: { rank: rankCode, min: rankMin ?? '', max: rankMax ?? '' } },
    ]);
  });

  it('rank: no line without a range', () => {
    expect(linesOf({ person: { rankCode: 'OR-1' } }, 'rank')).toEqual([]);
  });

  it.each([
    [true, null, 'pass'],
    [false, null, 'fail'],
    [true, 'OF-2', 'pass'],
    [false, 'OF-2', 'fail'],
  ] as const)(
    'civilian: allowed %s, rank min %s -> %s and no rank line',
    (civiliansAllowed, rankMin, outcome) => {
      const e = evaluateEligibility(
        input({ person: { rankCode: 'CIV' }, prerequisites: { civiliansAllowed, rankMin } }),
      );
      expect(e.lines.filter((l) => l.rule === 'civilian')).toEqual([
        { rule: 'civilian', outcome, params: {} },
      ]);
      expect(e.lines.some((l) => l.rule === 'rank')).toBe(false);
      expect(e.eligible).toBe(outcome === 'pass');
    },
  );

  it('civilian: no line for a military person', () => {
    expect(linesOf({ prerequisites: { civiliansAllowed: false } }, 'civilian')).toEqual([]);
  });

  it.each([
    ['3222', '3222', 'pass', ''],
    ['3333', '3222', 'pass', ''],
    ['2222', '3222', 'fail', 'listening'],
    ['3122', '3222', 'fail', 'speaking'],
    ['3212', '3222', 'fail', 'reading'],
    ['3121', '3222', 'fail', 'speaking,writing'],
    ['0000', '1111', 'fail', 'listening,speaking,reading,writing'],
  ] as const)('language: held %s against %s -> %s (%s)', (profile, minimum, outcome, skills) => {
    const o = {
      person: { languageProfiles: [{ language: 'en', profile }] },
      prerequisites: { languages: [{ language: 'en', minimum }] },
    };
    expect(linesOf(o, 'language')).toEqual([
      {
        rule: 'language',
        outcome,
        params: { language: 'en', required: minimum, held: profile, skills },
      },
    ]);
  });

  it('language: fails without a profile in the language, one line per language', () => {
    const o = {
      person: { languageProfiles: [{ language: 'en', profile: '3333' }] },
      prerequisites: {
        languages: [
          { language: 'en', minimum: '2222' },
          { language: 'fr', minimum: '2222' },
        ],
      },
    };
    expect(linesOf(o, 'language')).toEqual([
      {
        rule: 'language',
        outcome: 'pass',
        params: { language: 'en', required: '2222', held: '3333', skills: '' },
      },
      {
        rule: 'language',
        outcome: 'fail',
        params: {
          language: 'fr',
          required: '2222',
          held: '',
          skills: 'listening,speaking,reading,writing',
        },
      },
    ]);
  });

  it('language: the best of several profiles in one language counts', () => {
    const o = {
      person: {
        languageProfiles: [
          { language: 'ar', profile: '1111' },
          { language: 'ar', profile: '3232' },
        ],
      },
      prerequisites: { languages: [{ language: 'ar', minimum: '3222' }] },
    };
    expect(linesOf(o, 'language')).toEqual([
      {
        rule: 'language',
        outcome: 'pass',
        params: { language: 'ar', required: '3222', held: '3232', skills: '' },
      },
    ]);
  });

  it.each([
    ['NS', 'NC', 'fail'],
    ['NS', 'NONE', 'fail'],
    ['NS', 'NS', 'pass'],
    ['NS', 'CTS', 'pass'],
    ['NU', 'NU', 'pass'],
  ] as const)('clearance: required %s, held %s -> %s', (required, held, outcome) => {
    const o = {
      person: { clearanceLevel: held, clearanceExpiresOn: '2030-01-01' },
      prerequisites: { clearance: required },
    };
    expect(linesOf(o, 'clearance')).toEqual([
      { rule: 'clearance', outcome, params: { required, held } },
    ]);
  });

  it('clearance: no lines when none is required', () => {
    const o = { person: { clearanceLevel: 'NS' as const, clearanceExpiresOn: '2000-01-01' } };
    const rules = evaluateEligibility(input(o)).lines.map((l) => l.rule);
    expect(rules).not.toContain('clearance');
    expect(rules).not.toContain('clearance-expiry');
  });

  it.each([
    ['2026-05-14', 'fail'],
    ['2026-05-15', 'pass'],
    ['2027-01-01', 'pass'],
    [null, 'warn'],
  ] as const)('clearance-expiry: expires %s, session ends 2026-05-15 -> %s', (expires, outcome) => {
    const o = {
      person: { clearanceLevel: 'NS' as const, clearanceExpiresOn: expires },
      prerequisites: { clearance: 'NS' as const },
    };
    expect(linesOf(o, 'clearance-expiry')).toEqual([
      { rule: 'clearance-expiry', outcome, params: { expires: expires ?? '', end: '2026-05-15' } },
    ]);
  });

  it('clearance-expiry: skipped when the level is already too low', () => {
    const o = {
      person: { clearanceLevel: 'NR' as const, clearanceExpiresOn: '2000-01-01' },
      prerequisites: { clearance: 'NS' as const },
    };
    expect(linesOf(o, 'clearance-expiry')).toEqual([]);
  });

  it('prerequisite: one line per required course', () => {
    const o = {
      prerequisites: { courses: ['BASIC-1', 'INTER-2'] },
      completedActivityCodes: ['BASIC-1', 'OTHER'],
    };
    expect(linesOf(o, 'prerequisite')).toEqual([
      { rule: 'prerequisite', outcome: 'pass', params: { course: 'BASIC-1' } },
      { rule: 'prerequisite', outcome: 'fail', params: { course: 'INTER-2' } },
    ]);
  });

  it.each([
    [
      'Must be a staff officer',
      [{ rule: 'extra', outcome: 'warn', params: { text: 'Must be a staff officer' } }],
    ],
    ['', []],
    ['   ', []],
    [null, []],
  ] as const)('extra: %j', (extra, expected) => {
    const e = evaluateEligibility(input({ prerequisites: { extra } }));
    expect(e.lines.filter((l) => l.rule === 'extra')).toEqual(expected);
    expect(e.eligible).toBe(true);
  });

  it('overlap: selected elsewhere fails, anything else warns', () => {
    const e = evaluateEligibility(
      input({
        overlapping: [
          { sessionCode: 'CT-2026-01', status: 'selected' },
          { sessionCode: 'CT-2026-02', status: 'submitted' },
          { sessionCode: 'CT-2026-03', status: 'waitlisted' },
        ],
      }),
    );
    expect(e.lines.filter((l) => l.rule === 'overlap')).toEqual([
      { rule: 'overlap', outcome: 'fail', params: { session: 'CT-2026-01', status: 'selected' } },
      { rule: 'overlap', outcome: 'warn', params: { session: 'CT-2026-02', status: 'submitted' } },
      { rule: 'overlap', outcome: 'warn', params: { session: 'CT-2026-03', status: 'waitlisted' } },
    ]);
    expect(e.eligible).toBe(false);
  });

  it('warnings alone keep a person eligible', () => {
    const e = evaluateEligibility(
      input({
        overlapping: [{ sessionCode: 'CT-2026-02', status: 'draft' }],
        prerequisites: { extra: 'Bring a laptop' },
      }),
    );
    expect(e.eligible).toBe(true);
    expect(hardFailures(e)).toEqual([]);
    expect(warnings(e).map((l) => l.rule)).toEqual(['extra', 'overlap']);
  });

  it('explains every rule in order and collects failures and warnings', () => {
    const e = evaluateEligibility(
      input({
        today: '2026-04-02',
        releasable: false,
        person: {
          rankCode: 'OR-5',
          languageProfiles: [{ language: 'en', profile: '2222' }],
          clearanceLevel: 'NS',
          clearanceExpiresOn: null,
        },
        prerequisites: {
          rankMin: 'OF-1',
          languages: [{ language: 'en', minimum: '3222' }],
          clearance: 'NC',
          courses: ['BASIC-1'],
          extra: 'Command experience',
        },
        overlapping: [{ sessionCode: 'CT-2026-01', status: 'selected' }],
      }),
    );
    expect(e.lines.map((l) => [l.rule, l.outcome])).toEqual([
      ['window', 'fail'],
      ['releasability', 'fail'],
      ['rank', 'fail'],
      ['language', 'fail'],
      ['clearance', 'pass'],
      ['clearance-expiry', 'warn'],
      ['prerequisite', 'fail'],
      ['extra', 'warn'],
      ['overlap', 'fail'],
    ]);
    expect(e.eligible).toBe(false);
    expect(hardFailures(e).map((l) => l.rule)).toEqual([
      'window',
      'releasability',
      'rank',
      'language',
      'prerequisite',
      'overlap',
    ]);
    expect(warnings(e).map((l) => l.rule)).toEqual(['clearance-expiry', 'extra']);
    expect(e.lines[3]?.params.skills).toBe('listening');
  });
});
