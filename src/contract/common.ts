import { z } from 'zod';
import { text } from './text.js';

/** The languages Rabita speaks; Arabic is written right to left. */
export const LOCALES = ['en', 'fr', 'ar'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Human text entered in several languages: English is required, French and Arabic optional. */
export const LocalizedText = z.strictObject({
  en: text().trim().min(1).max(200),
  fr: text().trim().max(200).optional(),
  ar: text().trim().max(200).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A calendar date without time, as `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/** An instant, as an ISO 8601 string in UTC. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const Uuid = z.uuid();

/** RFC 9457 problem details, with Rabita's stable machine `code`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), code: z.string() }))
    .optional(),
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
