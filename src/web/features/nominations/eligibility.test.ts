import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_RULES, type EligibilityLine } from '../../../contract/index.js';
import { messages } from '../../i18n/resources.js';
import { ELIGIBILITY_VARIANTS, eligibilitySentence, sortLines } from './eligibility.js';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A tiny i18next stand-in over the real English strings. */
function translator(tree: Tree) {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    (lookup(tree, key) ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      String(params[name] ?? `{{${name}}}`),
    );
  const exists = (key: string) => lookup(tree, key) !== undefined;
  return { t, exists };
}

const { t, exists } = translator(messages.en as Tree);
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, '');
const say = (line: EligibilityLine) => plain(eligibilitySentence(line, t, exists, 'en'));

describe('eligibility sentences', () => {
  it('has a sentence without parameters for every rule and outcome', () => {
    for (const rule of ELIGIBILITY_RULES) {
      for (const outcome of ['pass', 'warn', 'fail'] as const) {
        expect(exists(`nominations.rules.${rule}.${outcome}.plain`), `${rule}.${outcome}`).toBe(
          true,
        );
      }
    }
  });

  it('tells a rank range with both bounds, or with the one given', () => {
    expect(
      say({ rule: 'rank', outcome: 'fail', params: { rank: 'OR-7', min: 'OF-2', max: 'OF-4' } }),
    ).toBe('Rank OR-7 is outside the required range, OF-2 to OF-4.');
    expect(
      say({ rule: 'rank', outcome: 'pass', params: { rank: 'OF-3', min: 'OF-2', max: '' } }),
    ).toBe('Rank OF-3 meets the minimum, OF-2.');
  });

  it('names the language and the skills that fall short', () => {
    expect(
      say({
        rule: 'language',
        outcome: 'fail',
        params: { language: 'en', required: '3222', held: '2222', skills: 'listening' },
      }),
    ).toBe('English 2222 is below the required 3222 in listening.');
    expect(
      say({
        rule: 'language',
        outcome: 'fail',
        params: { language: 'en', required: '3222', held: '', skills: 'listening,speaking' },
      }),
    ).toBe('No English profile on record; 3222 is required.');
    expect(
      say({
        rule: 'language',
        outcome: 'pass',
        params: { language: 'en', required: '3222', held: '3333', skills: '' },
      }),
    ).toBe('English 3333 meets the required 3222.');
  });

  it('names clearance levels and dates in words', () => {
    expect(
      say({ rule: 'clearance', outcome: 'fail', params: { required: 'NS', held: 'NR' } }),
    ).toBe('Clearance NATO RESTRICTED is below the required NATO SECRET.');
    expect(
      say({
        rule: 'clearance-expiry',
        outcome: 'warn',
        params: { expires: '', end: '2027-03-11' },
      }),
    ).toBe('The clearance expiry date is not on record; it must last until 11 Mar 2027.');
  });

  it('tells a person holding no clearance without naming "None" as a level', () => {
    expect(
      say({ rule: 'clearance', outcome: 'fail', params: { required: 'NR', held: 'NONE' } }),
    ).toBe('The clearance is below the required NATO RESTRICTED.');
  });

  it('falls back to a sentence without parameters when they are missing', () => {
    expect(say({ rule: 'overlap', outcome: 'warn', params: {} })).toBe(
      'Also nominated for another session at overlapping dates.',
    );
    expect(
      say({
        rule: 'overlap',
        outcome: 'warn',
        params: { session: 'M5-66-A-24', status: 'submitted' },
      }),
    ).toBe('Also nominated for M5-66-A-24 (Submitted) at overlapping dates.');
  });

  it('isolates parameters so codes keep their direction inside Arabic text', () => {
    const sentence = eligibilitySentence(
      { rule: 'prerequisite', outcome: 'fail', params: { course: 'CTM-CT-2839' } },
      t,
      exists,
      'en',
    );
    expect(sentence).toContain('\u2068CTM-CT-2839\u2069');
  });

  it('puts failures first, then warnings', () => {
    const lines: EligibilityLine[] = [
      { rule: 'window', outcome: 'pass', params: {} },
      { rule: 'extra', outcome: 'warn', params: {} },
      { rule: 'rank', outcome: 'fail', params: {} },
    ];
    expect(sortLines(lines).map((l) => l.outcome)).toEqual(['fail', 'warn', 'pass']);
  });

  it('declares variants for every rule', () => {
    expect(Object.keys(ELIGIBILITY_VARIANTS).sort()).toEqual([...ELIGIBILITY_RULES].sort());
  });
});
