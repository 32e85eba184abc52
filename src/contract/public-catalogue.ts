import { z } from 'zod';
import { DeliveryMethod, LocalizedLongText, Prerequisites } from './catalogue.js';
import { LocalizedText } from './common.js';
import { PlanYearParams } from './plans.js';

/** The year of a public catalogue, as in the annual plan. */
export const PublicCatalogueParams = PlanYearParams;

/** A session as the public sees it: when, where and in what language; nothing about seats. */
export const PublicSession = z
  .object({
    code: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    language: z.string(),
    venue: z.object({
      name: LocalizedText,
      city: z.string().nullable(),
      countryCode: z.string().nullable(),
    }),
  })
  .meta({ id: 'PublicSession' });
export type PublicSession = z.infer<typeof PublicSession>;

export const PublicActivity = z
  .object({
    code: z.string(),
    title: LocalizedText,
    description: LocalizedLongText.nullable(),
    durationDays: z.number().int(),
    delivery: DeliveryMethod,
    language: z.string(),
    prerequisites: Prerequisites,
    sessions: z.array(PublicSession),
  })
  .meta({ id: 'PublicActivity' });
export type PublicActivity = z.infer<typeof PublicActivity>;

/**
 * The year's public catalogue: active activities marked `publicCatalogue`, each with its
 * sessions of the year that are announced or later (never drafts nor cancelled ones).
 */
export const PublicCatalogue = z
  .object({ year: z.number().int(), activities: z.array(PublicActivity) })
  .meta({ id: 'PublicCatalogue' });
export type PublicCatalogue = z.infer<typeof PublicCatalogue>;
