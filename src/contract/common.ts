import { z } from 'zod';
import { ErrorCode } from './errors.js';
import { text } from './text.js';

/** The languages Rabita speaks; Arabic is written right to left. */
export const LOCALES = ['en', 'fr', 'ar'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Human text entered in several languages: English is required, French and Arabic optional. */
export const LocalizedText = z
  .strictObject({
    en: text().trim().min(1).max(200),
    fr: text().trim().max(200).optional(),
    ar: text().trim().max(200).optional(),
  })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * The calendar every date must fall in. A training centre's records start with people born in
 * the last century and end with plans a few decades out; anything outside is a typing slip or
 * an attack (year 9999 once turned a day-by-day loop into a frozen server, and PostgreSQL
 * refuses year 0 outright).
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/** True inside the range; a value that is not a date at all is left to the format check. */
const inDateRange = (value: string) =>
  !/^\d{4}-\d{2}-\d{2}/.test(value) ||
  (value.slice(0, 10) >= DATE_RANGE.min && value.slice(0, 10) <= DATE_RANGE.max);

const outOfRange = {
  message: `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
  params: { code: 'date_out_of_range' },
};

/** A calendar date without time, as `YYYY-MM-DD`, inside {@link DATE_RANGE}. */
export const IsoDate = z.iso.date().refine(inDateRange, outOfRange).meta({ id: 'IsoDate' });

/**
 * An instant, as an ISO 8601 string in UTC, inside {@link DATE_RANGE}. The offset can move the
 * UTC day by one, which the range's decades of margin absorb.
 */
export const IsoDateTime = z.iso
  .datetime({ offset: true })
  .refine(inDateRange, outOfRange)
  .meta({ id: 'IsoDateTime' });

export const Uuid = z.uuid();

/** RFC 9457 problem details, with Rabita's stable machine `code` (one of `ERROR_CODES`). */
export const Problem = z
  .object({
    type: z.string().meta({ description: 'https://rabita.dev/problems/<code>' }),
    title: z.string().meta({ description: 'The HTTP status in words.' }),
    status: z.number().int(),
    code: ErrorCode.meta({ description: 'Stable; branch on it, never on `detail`.' }),
    detail: z.string().meta({ description: 'For people, in English.' }),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          code: z.string().meta({ description: 'A field code: `too_small`, `required`...' }),
        }),
      )
      .optional()
      .meta({ description: 'One entry per bad field.' }),
  })
  .meta({
    id: 'Problem',
    description:
      'RFC 9457 problem details, sent as application/problem+json. Some codes add members of their own (`conflicts`, `eligibility`, `allowed`, `existing`, `retryAfter`...).',
  });
export type Problem = z.infer<typeof Problem>;

/** Keyset pagination: the cursor is opaque to clients. */
export const PageQuery = z.strictObject({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
