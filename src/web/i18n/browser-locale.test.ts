import { describe, expect, it } from 'vitest';
import { browserLocale } from './browser-locale.js';

describe('the language a browser opens Rabita in', () => {
  it.each([
    [['ar-KW', 'en-US'], 'ar'],
    [['AR'], 'ar'],
    [['de-DE', 'fr-CA', 'en'], 'fr'],
    [['en-GB', 'ar'], 'en'],
    [['de', 'tr'], 'en'],
    [[], 'en'],
  ])('%j opens in %s', (preferred, expected) => {
    expect(browserLocale(preferred)).toBe(expected);
  });
});
