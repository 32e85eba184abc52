import { TZDate } from '@date-fns/tz';
import type {
  Lodging,
  Logistics,
  LogisticsInput,
  VisaLetterAnswer,
} from '../../../contract/index.js';
import { blankToNull } from '../../lib/validation.js';

/** What the form holds: text as typed, so nothing is lost when a save fails. */
export interface LogisticsFormValues {
  /** `YYYY-MM-DDTHH:mm` on the venue's clock, as a datetime-local input gives it. */
  arrivalAt: string;
  arrivalFlight: string;
  departureAt: string;
  departureFlight: string;
  lodging: Lodging | '';
  visaLetterRequested: VisaLetterAnswer | '';
  passportNumber: string;
  dietaryNeeds: string;
  notes: string;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wall-clock time at the venue as an instant. Arrival times are read off tickets in the
 * venue's local time, whatever zone the person typing is in.
 */
export function venueTimeToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new TZDate(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0, 0, timeZone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime()).toISOString();
}

/** An instant as the venue's clock shows it, for a datetime-local input. */
export function isoToVenueTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const d = new TZDate(iso, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toLogisticsValues(logistics: Logistics): LogisticsFormValues {
  return {
    arrivalAt: isoToVenueTime(logistics.arrivalAt, logistics.timeZone),
    arrivalFlight: logistics.arrivalFlight ?? '',
    departureAt: isoToVenueTime(logistics.departureAt, logistics.timeZone),
    departureFlight: logistics.departureFlight ?? '',
    lodging: logistics.lodging ?? '',
    visaLetterRequested: logistics.visaLetterRequested ?? '',
    passportNumber: logistics.passportNumber ?? '',
    dietaryNeeds: logistics.dietaryNeeds ?? '',
    notes: logistics.notes ?? '',
  };
}

/** A time the form cannot read goes as typed, so the schema names the field. */
function instant(local: string, timeZone: string): string | null {
  if (local.trim() === '') return null;
  return venueTimeToIso(local, timeZone) ?? local;
}

/** The whole set is sent: the form shows every field, so an emptied field is cleared. */
export function toLogisticsInput(values: LogisticsFormValues, timeZone: string): LogisticsInput {
  return {
    arrivalAt: instant(values.arrivalAt, timeZone),
    arrivalFlight: blankToNull(values.arrivalFlight),
    departureAt: instant(values.departureAt, timeZone),
    departureFlight: blankToNull(values.departureFlight),
    lodging: values.lodging || null,
    visaLetterRequested: values.visaLetterRequested || null,
    passportNumber: blankToNull(values.passportNumber),
    dietaryNeeds: blankToNull(values.dietaryNeeds),
    notes: blankToNull(values.notes),
  };
}
