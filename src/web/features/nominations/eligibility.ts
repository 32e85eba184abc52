import type { Locale } from '../../../contract/index.js';
import {
  CLEARANCE_LEVELS,
  type EligibilityLine,
  type EligibilityRule,
} from '../../../contract/index.js';
import { formatDate } from '../../lib/dates.js';
import type { Translate } from '../../lib/validation.js';
import { languageName } from '../catalogue/prerequisites.js';

/**
 * The sentences a line may be told in, most precise first, with the parameters each needs.
 * The server may leave a parameter out (a person with no language profile has no `held`), so
 * the first sentence whose parameters are all present wins, down to one that needs none.
 */
const VARIANTS: Record<EligibilityRule, readonly (readonly [string, readonly string[]])[]> = {
  window: [
    ['full', ['opens', 'closes']],
    ['closes', ['closes']],
    ['plain', []],
  ],
  releasability: [['plain', []]],
  rank: [
    ['between', ['rank', 'min', 'max']],
    ['min', ['rank', 'min']],
    ['max', ['rank', 'max']],
    ['short', ['rank']],
    ['plain', []],
  ],
  civilian: [['plain', []]],
  language: [
    ['full', ['language', 'required', 'held', 'skills']],
    ['held', ['language', 'required', 'held']],
    ['short', ['language', 'required']],
    ['plain', []],
  ],
  clearance: [
    ['full', ['required', 'held']],
    ['short', ['required']],
    ['plain', []],
  ],
  'clearance-expiry': [
    ['full', ['expires', 'end']],
    ['unknown', ['end']],
    ['plain', []],
  ],
  prerequisite: [
    ['full', ['course']],
    ['plain', []],
  ],
  extra: [
    ['full', ['text']],
    ['plain', []],
  ],
  overlap: [
    ['full', ['session', 'status']],
    ['short', ['session']],
    ['plain', []],
  ],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** A parameter as a reader wants it: languages and clearances named, dates in their language. */
export function displayParam(name: string, value: string, t: Translate, locale: Locale): string {
  if (value === '') return value;
  if (name === 'language') return languageName(value, locale);
  if (name === 'skills') {
    return value
      .split(',')
      .filter(Boolean)
      .map((skill) => t(`prereq.skills.${skill}`))
      .join(t('common.listSeparator'));
  }
  if (name === 'status') return t(`nominations.status.${value}`);
  if ((CLEARANCE_LEVELS as readonly string[]).includes(value)) return t(`clearance.${value}`);
  if (ISO_DATE.test(value)) return formatDate(value, locale, { withTime: false }).gregorian;
  return value;
}

/** One eligibility line as a sentence in the reader's language. */
export function eligibilitySentence(
  line: EligibilityLine,
  t: Translate,
  exists: (key: string) => boolean,
  locale: Locale,
): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(line.params)) {
    // "Clearance None is below ..." reads badly: holding none is told by the shorter sentence.
    if (name === 'held' && value === 'NONE') continue;
    const shown = displayParam(name, value, t, locale);
    // Codes and Latin names inside an Arabic sentence keep their own direction (FSI ... PDI).
    params[name] = shown === '' ? '' : `\u2068${shown}\u2069`;
  }
  for (const [variant, needs] of VARIANTS[line.rule] ?? []) {
    const key = `nominations.rules.${line.rule}.${line.outcome}.${variant}`;
    if (needs.every((name) => params[name] !== undefined && params[name] !== '') && exists(key)) {
      return t(key, params);
    }
  }
  return t(`nominations.outcome.${line.outcome}`, { rule: t(`nominations.ruleName.${line.rule}`) });
}

/** Failures first, then warnings, then passes: what blocks is read first. */
export function sortLines(lines: readonly EligibilityLine[]): EligibilityLine[] {
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  return [...lines].sort((a, b) => order[a.outcome] - order[b.outcome]);
}

export function countOutcomes(lines: readonly EligibilityLine[]) {
  return {
    fail: lines.filter((l) => l.outcome === 'fail').length,
    warn: lines.filter((l) => l.outcome === 'warn').length,
    pass: lines.filter((l) => l.outcome === 'pass').length,
  };
}

export { VARIANTS as ELIGIBILITY_VARIANTS };
