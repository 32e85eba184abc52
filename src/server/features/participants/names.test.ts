import { describe, expect, it } from 'vitest';
import { duplicateReasons, type NamedPerson, normaliseArabic, normaliseLatin } from './names.js';

describe('normaliseLatin', () => {
  it.each([
    ['Al-Ṣabāḥ', 'al sabah'],
    ['  AL   SABAH ', 'al sabah'],
    ["O'Neill", 'o neill'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
  ])('%s -> %s', (input, expected) => expect(normaliseLatin(input)).toBe(expected));
});

describe('normaliseArabic', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إبراهيم', 'ابراهيم'],
    ['مُحَمَّد', 'محمد'],
    ['فاطمة', 'فاطمه'],
    ['مصطفى', 'مصطفي'],
    ['عبد  الله', 'عبد الله'],
    ['محـــمد', 'محمد'],
  ])('%s -> %s', (input, expected) => expect(normaliseArabic(input)).toBe(expected));
});

describe('duplicateReasons', () => {
  const base: NamedPerson = {
    familyNameLatin: 'Al-Mutairi',
    givenNamesLatin: 'Fahad',
    familyNameArabic: 'المطيري',
    givenNamesArabic: 'فهد',
    email: 'fahad@kwt.example',
    dateOfBirth: '1985-04-12',
  };
  const other: NamedPerson = {
    familyNameLatin: 'Other',
    givenNamesLatin: 'Person',
    familyNameArabic: null,
    givenNamesArabic: null,
    email: null,
    dateOfBirth: null,
  };

  it.each<[string, Partial<NamedPerson>, string[]]>([
    ['nothing in common', {}, []],
    ['the e-mail in another case', { email: 'FAHAD@kwt.example' }, ['email']],
    [
      'the Latin names without a birth date',
      { familyNameLatin: 'Al-Mutairi', givenNamesLatin: 'Fahad' },
      [],
    ],
    [
      'the Latin names and the birth date',
      { familyNameLatin: 'al mutairi', givenNamesLatin: 'FAHAD', dateOfBirth: '1985-04-12' },
      ['latin_name'],
    ],
    [
      'the Arabic names and the birth date',
      { familyNameArabic: 'ألمطيري', givenNamesArabic: 'فهد', dateOfBirth: '1985-04-12' },
      ['arabic_name'],
    ],
    ['the birth date alone', { dateOfBirth: '1985-04-12' }, []],
    ['everything', { ...base, email: 'fahad@KWT.example' }, ['email', 'latin_name', 'arabic_name']],
  ])('%s', (_, overrides, expected) => {
    expect(duplicateReasons(base, { ...other, ...overrides })).toEqual(expected);
  });
});
