import type { Venue } from '../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../lib/localizedForm.js';
import { blankToNull } from '../../lib/validation.js';

export interface VenueFormValues {
  code: string;
  name: LocalizedTextValues;
  kind: Venue['kind'];
  city: string;
  countryCode: string;
  timeZone: string;
  /** Checkbox values are strings: '0' Sunday ... '6' Saturday. */
  workingDays: string[];
  holidays: { date: string; name: LocalizedTextValues }[];
}

export function toVenueValues(venue?: Venue): VenueFormValues {
  return {
    code: venue?.code ?? '',
    name: toLocalizedValues(venue?.name),
    kind: venue?.kind ?? 'centre',
    city: venue?.city ?? '',
    countryCode: venue?.countryCode ?? '',
    timeZone: venue?.timeZone ?? '',
    // Most of the region works Sunday to Thursday; a European venue unticks two boxes.
    workingDays: (venue?.workingDays ?? [0, 1, 2, 3, 4]).map(String),
    holidays: (venue?.holidays ?? []).map((h) => ({
      date: h.date,
      name: toLocalizedValues(h.name),
    })),
  };
}

export function toVenueInput(v: VenueFormValues) {
  return {
    code: v.code.trim().toUpperCase(),
    name: fromLocalizedValues(v.name),
    kind: v.kind,
    city: blankToNull(v.city),
    countryCode: blankToNull(v.countryCode)?.toUpperCase() ?? null,
    timeZone: v.timeZone,
    workingDays: v.workingDays.map(Number).sort((a, b) => a - b),
    holidays: v.holidays.map((h) => ({ date: h.date, name: fromLocalizedValues(h.name) })),
  };
}

export function toVenueUpdate(values: VenueFormValues) {
  const { code: _code, ...update } = toVenueInput(values);
  return update;
}
