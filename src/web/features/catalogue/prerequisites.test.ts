import { describe, expect, it } from 'vitest';
import { Prerequisites } from '../../../contract/index.js';
import en from '../../i18n/en.json';
import type { Translate } from '../../lib/validation.js';
import { prerequisiteSentences, releasabilitySentence } from './prerequisites.js';

type Tree = { [key: string]: string | Tree };

/** Enough of i18next for English: look the key up, fill in {{placeholders}}. */
const t: Translate = (key, options = {}) => {
  let node: string | Tree | undefined = en as Tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`missing key ${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name]));
};

const sentences = (input: Partial<Prerequisites>) =>
  prerequisiteSentences(Prerequisites.parse(input), t, 'en');

describe('prerequisiteSentences', () => {
  it('says so when there is nothing to meet', () => {
    expect(sentences({})).toEqual(['No prerequisites.']);
  });

  it('reads a full set of rules in plain words', () => {
    expect(
      sentences({
        rankMin: 'OF-2',
        rankMax: 'OF-5',
        civiliansAllowed: false,
        languages: [{ language: 'en', minimum: '3222' }],
        clearance: 'NR',
        courses: ['CTM-CT-2839'],
        extra: 'Current posting in a counter-terrorism unit.',
      }),
    ).toEqual([
      'Rank from OF-2 to OF-5',
      'Military only: civilians may not attend',
      'English at least 3222 (listening 3, speaking 2, reading 2, writing 2)',
      'Clearance: NATO RESTRICTED or higher',
      'Completed first: CTM-CT-2839',
      'Current posting in a counter-terrorism unit.',
    ]);
  });

  it('handles a one-sided rank and welcomes civilians', () => {
    expect(sentences({ rankMin: 'OR-7' })).toEqual([
      'Rank OR-7 or above',
      'Civilians may also attend',
    ]);
    expect(sentences({ rankMax: 'OF-3' })[0]).toBe('Rank OF-3 or below');
  });

  it('names the language in the reader language', () => {
    const [fr] = prerequisiteSentences(
      Prerequisites.parse({ languages: [{ language: 'fr', minimum: '2222' }] }),
      t,
      'fr',
    );
    expect(fr).toMatch(/^français at least 2222/);
  });
});

describe('releasabilitySentence', () => {
  it('lists frameworks then nations', () => {
    expect(releasabilitySentence({ all: false, frameworks: ['ICI', 'MD'], nations: [] }, t)).toBe(
      'Releasable to: ICI, MD',
    );
    expect(releasabilitySentence({ all: false, frameworks: ['ICI'], nations: ['IRQ'] }, t)).toBe(
      'Releasable to: ICI, IRQ',
    );
  });
  it('covers everyone or no one', () => {
    expect(releasabilitySentence({ all: true, frameworks: [], nations: [] }, t)).toBe(
      'Releasable to all partners',
    );
    expect(releasabilitySentence({ all: false, frameworks: [], nations: [] }, t)).toBe(
      'Not releasable to any partner yet',
    );
  });
});
