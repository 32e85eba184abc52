import { describe, expect, it } from 'vitest';
import { nationalRanks } from '../domain/national-ranks.js';
import { hasEmojiOrMarkup, isPassportName, printableName } from './person-names.js';

describe('passport names', () => {
  it('takes Latin letters with accents, spaces, hyphens and apostrophes', () => {
    for (const name of ["O'Brien", 'N’Diaye', 'Benaïssa-Ørsted', 'de la Fuente', 'ŠKODA']) {
      expect(isPassportName(name), name).toBe(true);
    }
  });

  it('refuses emoji, markup, digits, Arabic script and other symbols', () => {
    for (const name of ['Ali 😀', '<b>Ali</b>', 'Ali 2', 'علي', 'Ali_B', '-Ali', 'Ali.', '']) {
      expect(isPassportName(name), name).toBe(false);
    }
  });

  it('finds emoji and markup in an Arabic-script name, and nothing else', () => {
    expect(hasEmojiOrMarkup('فهد المطيري')).toBe(false);
    expect(hasEmojiOrMarkup('فهد 👍🏽')).toBe(true);
    expect(hasEmojiOrMarkup('<script>')).toBe(true);
  });

  it('prints a name without its emoji, whole sequences included', () => {
    expect(printableName('Salem 👨‍👩‍👧 Al-Ali 🇰🇼')).toBe('Salem Al-Ali');
    expect(printableName('سالم 👍🏽 العلي')).toBe('سالم العلي');
    expect(printableName('Salem Al-Ali')).toBe('Salem Al-Ali');
  });
});

describe('national rank titles', () => {
  it('gives the demo nations their titles in both scripts, and others none', () => {
    expect(nationalRanks('KWT')).toContainEqual({ code: 'OF-3', en: 'Major', ar: 'رائد' });
    expect(nationalRanks('QAT').filter((r) => r.code === 'OF-1')).toHaveLength(3);
    expect(nationalRanks('FRA')).toEqual([]);
    expect(nationalRanks(null)).toEqual([]);
  });
});
