import { describe, expect, it } from 'vitest';
import { defaultHostNation, hostQuotas, hostRefusedAtCentre } from './host-nation.js';

const nations = new Set(['KWT', 'IRQ', 'JOR']);
const isNation = (code: string) => nations.has(code);
const centre = { kind: 'centre', countryCode: 'KWT' };
const baghdad = { kind: 'city', countryCode: 'IRQ' };

describe('defaultHostNation', () => {
  it.each([
    ['a city in a partner nation', baghdad, 'IRQ'],
    ['the centre itself', centre, null],
    ['a city of the centre’s own country', { kind: 'city', countryCode: 'KWT' }, null],
    ['a school in no partner nation', { kind: 'city', countryCode: 'DEU' }, null],
    ['a venue without a country', { kind: 'city', countryCode: null }, null],
    ['online', { kind: 'online', countryCode: 'JOR' }, null],
  ])('%s', (_, venue, expected) => {
    expect(defaultHostNation(venue, 'KWT', isNation)).toBe(expected);
  });
});

describe('hostRefusedAtCentre', () => {
  it.each([
    [centre, 'IRQ', true],
    [centre, 'KWT', false],
    [centre, null, false],
    [baghdad, 'JOR', false],
  ])('%o with %s', (venue, host, refused) => {
    expect(hostRefusedAtCentre(venue, host)).toBe(refused);
  });
});

describe('hostQuotas', () => {
  it('gives the host the whole capacity unless quotas are given', () => {
    expect(hostQuotas('IRQ', 16, [])).toEqual([{ nationCode: 'IRQ', seats: 16 }]);
    expect(hostQuotas('IRQ', 16, [{ nationCode: 'JOR', seats: 4 }])).toEqual([
      { nationCode: 'JOR', seats: 4 },
    ]);
    expect(hostQuotas(null, 16, [])).toEqual([]);
  });
});
