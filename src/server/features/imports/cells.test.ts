import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { missingColumns, readDate, suggestMapping } from './cells.js';
import { decodeText } from './parse.js';

describe('readDate', () => {
  it.each([
    ['1985-04-12', '1985-04-12'],
    ['25/03/1985', '1985-03-25'],
    ['25.3.1985', '1985-03-25'],
    ['25-03-1985', '1985-03-25'],
    ['07/07/1990', '1990-07-07'],
    ['١٢/٠٤/١٩٨٥'.replace('١٢', '٢٥'), '1985-04-25'],
    ['1985/04/12', '1985-04-12'],
  ])('reads %s as %s', (raw, iso) => {
    expect(readDate(raw)).toEqual({ ok: true, value: iso });
  });
  it.each([
    ['04/05/1985', 'ambiguous_date'],
    ['12/25/1985', 'ambiguous_date'],
    ['12/05/1405', 'hijri_date'],
    ['1405-05-12', 'hijri_date'],
    ['31/02/1985', 'invalid_date'],
    ['yesterday', 'invalid_date'],
    ['=TODAY()', 'invalid_date'],
  ])('refuses %s as %s', (raw, code) => {
    expect(readDate(raw)).toEqual({ ok: false, code });
  });
});

describe('suggestMapping', () => {
  it('matches headers in English, French and Arabic, whatever their case and accents', () => {
    const mapping = suggestMapping('people', [
      'FAMILY NAME (LATIN)',
      'prenoms (latin)',
      'الرتبة',
      'Notes',
    ]);
    expect(mapping).toEqual({ familyNameLatin: 0, givenNamesLatin: 1, rank: 2 });
    expect(missingColumns('people', mapping)).toEqual([]);
    expect(missingColumns('people', { rank: 0 })).toEqual(['familyNameLatin', 'givenNamesLatin']);
  });
});

describe('decodeText', () => {
  const text = 'الاسم,Hélène';
  it.each([
    ['utf-8 with BOM', Buffer.from(`\uFEFF${text}`), 'utf-8', text],
    ['utf-8', Buffer.from(text), 'utf-8', text],
    [
      'utf-16le',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
      'utf-16le',
      text,
    ],
    [
      'utf-16be',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
      'utf-16be',
      text,
    ],
    [
      'windows-1256',
      iconv.encode('محمد العلي,Ali', 'windows-1256'),
      'windows-1256',
      'محمد العلي,Ali',
    ],
    [
      'windows-1252',
      iconv.encode('Hélène Lefèvre,Zoë', 'windows-1252'),
      'windows-1252',
      'Hélène Lefèvre,Zoë',
    ],
  ])('decodes %s', (_name, bytes, encoding, expected) => {
    expect(decodeText(bytes)).toEqual({ text: expected, encoding });
  });
});
