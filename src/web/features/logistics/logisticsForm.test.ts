import { describe, expect, it } from 'vitest';
import type { Logistics } from '../../../contract/index.js';
import {
  isoToVenueTime,
  toLogisticsInput,
  toLogisticsValues,
  venueTimeToIso,
} from './logisticsForm.js';

describe('venue times', () => {
  it.each([
    ['2027-03-06T14:30', 'Asia/Kuwait', '2027-03-06T11:30:00.000Z'],
    ['2027-03-06T14:30', 'Europe/Rome', '2027-03-06T13:30:00.000Z'],
    ['2027-07-06T14:30', 'Europe/Rome', '2027-07-06T12:30:00.000Z'],
    ['2027-03-06T00:05:00', 'Asia/Kuwait', '2027-03-05T21:05:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    expect(venueTimeToIso(local, zone)).toBe(iso);
    expect(isoToVenueTime(iso, zone)).toBe(local.slice(0, 16));
  });

  it('cannot read anything else', () => {
    expect(venueTimeToIso('tomorrow', 'Asia/Kuwait')).toBeNull();
    expect(isoToVenueTime(null, 'Asia/Kuwait')).toBe('');
  });
});

describe('the form values', () => {
  const logistics: Logistics = {
    nominationId: '0b7e7a3c-2f7e-4c55-9f0e-2b3c4d5e6f70',
    sessionCode: 'CT-A-27',
    timeZone: 'Asia/Kuwait',
    arrivalAt: '2027-03-06T11:30:00.000Z',
    arrivalFlight: 'KU 102',
    departureAt: null,
    departureFlight: null,
    lodging: 'centre',
    visaLetterRequested: null,
    passportNumber: null,
    dietaryNeeds: null,
    notes: null,
    updatedAt: null,
    updatedByName: null,
  };

  it('round-trips, blanks becoming null and an unreadable time kept as typed', () => {
    const values = toLogisticsValues(logistics);
    expect(values).toMatchObject({
      arrivalAt: '2027-03-06T14:30',
      lodging: 'centre',
      visaLetterRequested: '',
      notes: '',
    });
    expect(
      toLogisticsInput({ ...values, departureAt: 'soon', notes: '  ' }, 'Asia/Kuwait'),
    ).toEqual({
      arrivalAt: '2027-03-06T11:30:00.000Z',
      arrivalFlight: 'KU 102',
      departureAt: 'soon',
      departureFlight: null,
      lodging: 'centre',
      visaLetterRequested: null,
      passportNumber: null,
      dietaryNeeds: null,
      notes: null,
    });
  });
});
