import type { z } from 'zod';
import { ActivityInput } from '../../../../contract/catalogue.js';
import * as catalogue from '../../catalogue/service.js';
import * as q from '../queries.js';
import type { KindHandler } from './kind.js';
import { readEnum, readInteger, rowErrors, schemaErrors } from './rows.js';

/** The activity as the API takes it, and the fields the file gave (an update changes only those). */
type Input = { data: z.output<typeof ActivityInput>; given: (keyof ActivityUpdateFields)[] };
type ActivityUpdateFields = Omit<z.output<typeof ActivityInput>, 'code'>;

const FIELD_COLUMN: Record<string, string> = {
  code: 'code',
  type: 'type',
  title: 'titleEn',
  disciplineCode: 'disciplineCode',
  providerCode: 'providerCode',
  delivery: 'delivery',
  durationDays: 'durationDays',
  audience: 'audience',
  language: 'language',
  classification: 'classification',
  defaultCapacity: 'defaultCapacity',
  status: 'status',
};

/**
 * Catalogue activities, checked with the API's create schema. A duplicate is an activity of the
 * same code: skip or update it; a second activity of one code cannot exist, so no "create anyway".
 */
export const activityKind: KindHandler<Input> = {
  table: 'activities',
  fieldColumn: FIELD_COLUMN,
  async prepare(db) {
    const disciplines = await q.selectAllCodes(db, 'disciplines');
    const providers = await q.selectAllCodes(db, 'institutions');
    const existing = new Map((await q.selectActivityKeys(db)).map((a) => [a.code, a]));
    return {
      read(cell, row) {
        const { errors, fail } = rowErrors(row);
        const upper = (c: string) => cell(c).toUpperCase() || undefined;
        const orNull = (c: string) => cell(c) || null;
        const title = {
          en: cell('titleEn'),
          ...(cell('titleFr') ? { fr: cell('titleFr') } : {}),
          ...(cell('titleAr') ? { ar: cell('titleAr') } : {}),
        };
        const parsed = ActivityInput.safeParse({
          code: upper('code'),
          type: readEnum(cell('type')),
          title,
          disciplineCode: upper('disciplineCode'),
          providerCode: upper('providerCode'),
          delivery: readEnum(cell('delivery')),
          durationDays: readInteger(cell('durationDays')),
          audience: orNull('audience'),
          language: cell('language').toLowerCase() || undefined,
          classification: cell('classification') || undefined,
          defaultCapacity: readInteger(cell('defaultCapacity')),
          status: readEnum(cell('status')),
        });
        if (!parsed.success) {
          schemaErrors(parsed.error.issues, FIELD_COLUMN, cell, fail);
          return { ok: false, errors };
        }
        const data = parsed.data;
        if (!disciplines.has(data.disciplineCode)) {
          fail('disciplineCode', 'unknown_discipline', { value: data.disciplineCode });
        }
        if (!providers.has(data.providerCode)) {
          fail('providerCode', 'unknown_provider', { value: data.providerCode });
        }
        if (errors.length > 0) return { ok: false, errors };
        const given = (Object.keys(FIELD_COLUMN) as (keyof ActivityUpdateFields | 'code')[]).filter(
          (field): field is keyof ActivityUpdateFields =>
            field !== 'code' && cell(FIELD_COLUMN[field] ?? '') !== '',
        );
        return { ok: true, input: { data, given } };
      },
      fileKeys: ({ data }) => [{ key: `code:${data.code}`, column: 'code' }],
      label: ({ data }) => `${data.code} · ${data.title.en}`,
      duplicate({ data }) {
        const found = existing.get(data.code);
        if (!found) return null;
        return {
          key: found.code,
          id: found.id,
          existingLabel: `${found.code} · ${found.title.en}`,
          reasons: ['code'],
          allowed: ['skip', 'update'],
        };
      },
      async create(ctx, { data }) {
        const activity = await catalogue.createActivity(ctx, data);
        return { table: 'activities', id: activity.id };
      },
      async update(ctx, code, { data, given }) {
        const fields = Object.fromEntries(given.map((f) => [f, data[f]]));
        const activity = await catalogue.updateActivity(ctx, code, fields);
        return { table: 'activities', id: activity.id };
      },
    };
  },
};
