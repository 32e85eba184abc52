import { describe, expect, it } from 'vitest';
import { readableParams } from './params.js';

const t = (key: string) => key;
const params = { sessionCode: 'KWT-1', participantName: 'Fahad Al-Mutairi' };

describe('a bell item names the person in the reader’s script', () => {
  it('gives a reader of Arabic the Arabic name when the person has one', () => {
    const values = readableParams({ ...params, participantNameArabic: 'فهد المطيري' }, t, 'ar');
    expect(values.participantName).toBe('فهد المطيري');
  });

  it('keeps the Latin name for other readers, and for a person without an Arabic name', () => {
    const both = { ...params, participantNameArabic: 'فهد المطيري' };
    expect(readableParams(both, t, 'en').participantName).toBe('Fahad Al-Mutairi');
    expect(readableParams(both, t, 'fr').participantName).toBe('Fahad Al-Mutairi');
    expect(readableParams(params, t, 'ar').participantName).toBe('Fahad Al-Mutairi');
  });
});
