import type { Prerequisites, Releasability } from '../../../contract/index.js';
import type { Translate } from '../../lib/validation.js';

const SKILLS = ['listening', 'speaking', 'reading', 'writing'] as const;

/** A language named in the reader's language (`en` -> "English", "anglais", "الإنجليزية"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function rankSentence(p: Prerequisites, t: Translate): string | null {
  if (p.rankMin && p.rankMax) return t('prereq.rankBetween', { min: p.rankMin, max: p.rankMax });
  if (p.rankMin) return t('prereq.rankMin', { min: p.rankMin });
  if (p.rankMax) return t('prereq.rankMax', { max: p.rankMax });
  return null;
}

/** "English at least 3222 (listening 3, speaking 2, reading 2, writing 2)". */
export function languageSentence(
  language: string,
  minimum: string,
  t: Translate,
  locale: string,
): string {
  const skills = SKILLS.map((skill, i) =>
    t('prereq.skill', { skill: t(`prereq.skills.${skill}`), level: minimum[i] ?? '0' }),
  ).join(t('common.listSeparator'));
  return t('prereq.language', { language: languageName(language, locale), minimum, skills });
}

/**
 * The eligibility rules of an activity as sentences a point of contact can check a candidate
 * against, in the order the centre's staff read them out: rank, civilians, languages,
 * clearance, prior courses, anything else.
 */
export function prerequisiteSentences(p: Prerequisites, t: Translate, locale: string): string[] {
  const sentences: string[] = [];
  const rank = rankSentence(p, t);
  if (rank) sentences.push(rank);
  if (!p.civiliansAllowed) sentences.push(t('prereq.militaryOnly'));
  else if (rank) sentences.push(t('prereq.civiliansToo'));
  for (const { language, minimum } of p.languages) {
    sentences.push(languageSentence(language, minimum, t, locale));
  }
  if (p.clearance !== 'NONE') {
    sentences.push(t('prereq.clearance', { level: t(`clearance.${p.clearance}`) }));
  }
  if (p.courses.length > 0) {
    sentences.push(t('prereq.courses', { courses: p.courses.join(t('common.listSeparator')) }));
  }
  if (p.extra) sentences.push(p.extra);
  return sentences.length > 0 ? sentences : [t('prereq.none')];
}

/** "Releasable to: ICI, MD, IRQ", or to every partner. */
export function releasabilitySentence(r: Releasability, t: Translate): string {
  if (r.all) return t('prereq.releasableAll');
  const names = [...r.frameworks, ...r.nations];
  if (names.length === 0) return t('prereq.releasableNone');
  return t('prereq.releasableTo', { names: names.join(t('common.listSeparator')) });
}
