/**
 * Ramadan and the two Eids of a Gregorian year, from the Umm al-Qura calendar that Intl ships
 * (`islamic-umalqura`, ICU's tables of the published calendar). The dates are a forecast: a
 * month may start a day earlier or later once the moon is sighted, so every date can be
 * overridden by the confirmed one.
 */

const DAY_MS = 86_400_000;

const umAlQura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** A Hijri date in the Umm al-Qura calendar. */
export interface HijriDate {
  year: number;
  /** 1 Muharram ... 9 Ramadan, 10 Shawwal, 12 Dhu al-Hijjah. */
  month: number;
  day: number;
}

function iso(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function dayNumberOf(date: string): number {
  return Math.floor(new Date(`${date}T00:00:00Z`).getTime() / DAY_MS);
}

/** The Umm al-Qura date of a Gregorian calendar date ('YYYY-MM-DD'). */
export function toHijri(date: string): HijriDate {
  const parts = umAlQura.formatToParts(new Date(`${date}T00:00:00Z`));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * The Gregorian date of a Hijri date, searched within 400 days of the Gregorian year it most
 * likely falls in (a Hijri year is 354 or 355 days); null when the date does not exist.
 */
export function fromHijri(target: HijriDate): string | null {
  // 1 Muharram 1 AH ≈ 622-07-16; a Hijri year is ~354.367 days.
  const estimate = Math.round(
    dayNumberOf('0622-07-16') +
      (target.year - 1) * 354.36667 +
      (target.month - 1) * 29.53 +
      target.day -
      1,
  );
  for (let delta = 0; delta <= 400; delta += 1) {
    for (const n of delta === 0 ? [estimate] : [estimate - delta, estimate + delta]) {
      const h = toHijri(iso(n));
      if (h.year === target.year && h.month === target.month && h.day === target.day) {
        return iso(n);
      }
    }
  }
  return null;
}

export type IslamicHolidayKind = 'ramadan' | 'eid-al-fitr' | 'eid-al-adha';

/** One period of Ramadan or an Eid, first and last day inclusive. */
export interface IslamicPeriod {
  kind: IslamicHolidayKind;
  hijriYear: number;
  from: string;
  to: string;
  /** True when a confirmed date replaced the calendar's forecast. */
  confirmed: boolean;
}

/** Confirmed first days, by Hijri year, replacing the Umm al-Qura forecast. */
export interface HijriOverrides {
  [hijriYear: number]: {
    /** 1 Ramadan. */
    ramadanStart?: string;
    /** 1 Shawwal: Eid al-Fitr, and the day after Ramadan ends. */
    eidAlFitr?: string;
    /** 10 Dhu al-Hijjah: Eid al-Adha. */
    eidAlAdha?: string;
  };
}

export interface IslamicHolidayOptions {
  /** Days of Eid al-Fitr off work, from 1 Shawwal (3 by default). */
  eidAlFitrDays?: number;
  /** Days of Eid al-Adha off work, from the day of Arafat, 9 Dhu al-Hijjah (4 by default). */
  eidAlAdhaDays?: number;
  overrides?: HijriOverrides;
}

function plus(date: string, days: number): string {
  return iso(dayNumberOf(date) + days);
}

/**
 * Ramadan, Eid al-Fitr and Eid al-Adha periods that touch a Gregorian year (a period that starts
 * the year before or ends the year after is listed whole). Eid al-Adha days start with the day
 * of Arafat, when Gulf states close too.
 */
export function islamicHolidays(
  year: number,
  options: IslamicHolidayOptions = {},
): IslamicPeriod[] {
  const fitrDays = options.eidAlFitrDays ?? 3;
  const adhaDays = options.eidAlAdhaDays ?? 4;
  const first = toHijri(`${String(year).padStart(4, '0')}-01-01`).year;
  const periods: IslamicPeriod[] = [];
  for (const hy of [first, first + 1]) {
    const given = options.overrides?.[hy] ?? {};
    const ramadan = given.ramadanStart ?? fromHijri({ year: hy, month: 9, day: 1 });
    const fitr = given.eidAlFitr ?? fromHijri({ year: hy, month: 10, day: 1 });
    const adha = given.eidAlAdha ?? fromHijri({ year: hy, month: 12, day: 10 });
    if (ramadan && fitr) {
      periods.push({
        kind: 'ramadan',
        hijriYear: hy,
        from: ramadan,
        to: plus(fitr, -1),
        confirmed: Boolean(given.ramadanStart || given.eidAlFitr),
      });
    }
    if (fitr) {
      periods.push({
        kind: 'eid-al-fitr',
        hijriYear: hy,
        from: fitr,
        to: plus(fitr, fitrDays - 1),
        confirmed: Boolean(given.eidAlFitr),
      });
    }
    if (adha) {
      periods.push({
        kind: 'eid-al-adha',
        hijriYear: hy,
        from: plus(adha, -1),
        to: plus(adha, adhaDays - 2),
        confirmed: Boolean(given.eidAlAdha),
      });
    }
  }
  const start = `${String(year).padStart(4, '0')}-01-01`;
  const end = `${String(year).padStart(4, '0')}-12-31`;
  return periods
    .filter((p) => p.to >= start && p.from <= end)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** Every calendar day of the periods, as a set of 'YYYY-MM-DD'. */
export function daysOf(periods: readonly IslamicPeriod[]): Set<string> {
  const days = new Set<string>();
  for (const p of periods) {
    for (let n = dayNumberOf(p.from); n <= dayNumberOf(p.to); n += 1) days.add(iso(n));
  }
  return days;
}
