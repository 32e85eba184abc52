import { z } from 'zod';
import { IsoDate, IsoDateTime, LocalizedText, Uuid } from './common.js';
import { text } from './text.js';
import { NationCode } from './users.js';

export const FrameworkCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'must be 2-16 capitals, digits or dashes, e.g. ICI');

export const Framework = z
  .object({
    code: FrameworkCode,
    name: LocalizedText,
    launchedOn: IsoDate.nullable(),
    nationCount: z.number().int(),
  })
  .meta({ id: 'Framework' });
export type Framework = z.infer<typeof Framework>;

export const FrameworkInput = z.strictObject({
  code: FrameworkCode,
  name: LocalizedText,
  launchedOn: IsoDate.nullable().default(null),
});
export type FrameworkInput = z.input<typeof FrameworkInput>;

/** How a nation takes part: a framework member, a partner, or only in selected activities. */
export const NATION_STATUSES = ['member', 'partner', 'selected-activities', 'observer'] as const;
export const NationStatus = z.enum(NATION_STATUSES);
export type NationStatus = z.infer<typeof NationStatus>;

export const Contact = z
  .object({
    id: Uuid,
    nationCode: NationCode,
    name: z.string(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    primary: z.boolean(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof Contact>;

export const ContactInput = z.strictObject({
  name: text().trim().min(1).max(120),
  position: text().trim().max(120).nullable().default(null),
  email: z.email().max(254).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,30}$/, 'must be a phone number such as +965 2222 3333')
    .nullable()
    .default(null),
  primary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof ContactInput>;

/**
 * Edits send only what changes. Written without defaults: Zod 4 applies a default even inside
 * an optional field, so `ContactInput.partial()` would reset every field left out.
 */
export const ContactUpdate = z
  .strictObject({
    name: ContactInput.shape.name,
    position: ContactInput.shape.position.removeDefault(),
    email: ContactInput.shape.email.removeDefault(),
    phone: ContactInput.shape.phone.removeDefault(),
    primary: ContactInput.shape.primary.removeDefault(),
  })
  .partial();
export type ContactUpdate = z.input<typeof ContactUpdate>;

export const NationSummary = z
  .object({
    code: NationCode,
    name: LocalizedText,
    frameworkCode: FrameworkCode,
    status: NationStatus,
    joinedOn: IsoDate.nullable(),
    host: z.boolean(),
  })
  .meta({ id: 'NationSummary' });
export type NationSummary = z.infer<typeof NationSummary>;

export const Nation = NationSummary.extend({
  notes: z.string().nullable(),
  contacts: z.array(Contact),
  updatedAt: IsoDateTime,
}).meta({ id: 'Nation' });
export type Nation = z.infer<typeof Nation>;

export const NationInput = z.strictObject({
  code: NationCode,
  name: LocalizedText,
  frameworkCode: FrameworkCode,
  status: NationStatus,
  joinedOn: IsoDate.nullable().default(null),
  host: z.boolean().default(false),
  notes: text().trim().max(2000).nullable().default(null),
});
export type NationInput = z.input<typeof NationInput>;

/** No defaults, for the reason given at `ContactUpdate`. */
export const NationUpdate = z
  .strictObject({
    name: NationInput.shape.name,
    frameworkCode: NationInput.shape.frameworkCode,
    status: NationInput.shape.status,
    joinedOn: NationInput.shape.joinedOn.removeDefault(),
    host: NationInput.shape.host.removeDefault(),
    notes: NationInput.shape.notes.removeDefault(),
  })
  .partial();
export type NationUpdate = z.input<typeof NationUpdate>;

export const NationListQuery = z.strictObject({
  q: text().trim().max(100).optional(),
  frameworkCode: FrameworkCode.optional(),
  status: NationStatus.optional(),
});
export type NationListQuery = z.infer<typeof NationListQuery>;

export const InstitutionCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,23}$/, 'must be 2-24 capitals, digits or dashes, e.g. NSO');

/** Countries of institutions are any ISO 3166 alpha-3 code, not only partner nations. */
export const Institution = z
  .object({
    code: InstitutionCode,
    name: LocalizedText,
    city: z.string().nullable(),
    countryCode: NationCode,
    host: z.boolean(),
    openedOn: IsoDate.nullable(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Institution' });
export type Institution = z.infer<typeof Institution>;

export const InstitutionInput = z.strictObject({
  code: InstitutionCode,
  name: LocalizedText,
  city: text().trim().max(120).nullable().default(null),
  countryCode: NationCode,
  host: z.boolean().default(false),
  openedOn: IsoDate.nullable().default(null),
});
export type InstitutionInput = z.input<typeof InstitutionInput>;

/** No defaults, for the reason given at `ContactUpdate`. */
export const InstitutionUpdate = z
  .strictObject({
    name: InstitutionInput.shape.name,
    city: InstitutionInput.shape.city.removeDefault(),
    countryCode: InstitutionInput.shape.countryCode,
    host: InstitutionInput.shape.host.removeDefault(),
    openedOn: InstitutionInput.shape.openedOn.removeDefault(),
  })
  .partial();
export type InstitutionUpdate = z.input<typeof InstitutionUpdate>;
