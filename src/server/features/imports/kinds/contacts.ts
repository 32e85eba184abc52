import type { z } from 'zod';
import { ContactInput } from '../../../../contract/partners.js';
import * as nations from '../../partners/nations.service.js';
import * as q from '../queries.js';
import type { KindHandler } from './kind.js';
import { readYesNo, rowErrors, schemaErrors } from './rows.js';

type Input = { nationCode: string; data: z.output<typeof ContactInput>; given: string[] };

const FIELD_COLUMN: Record<string, string> = {
  nationCode: 'nationCode',
  name: 'name',
  position: 'position',
  email: 'email',
  phone: 'phone',
  primary: 'primary',
};

/**
 * Nations' points of contact, checked with the API's contact schema. The nation is the row's
 * (or the import's, when the file has none); a nation's officer imports their own nation's only.
 * A duplicate is a contact of the same e-mail in the same nation: skip, update or add anyway.
 */
export const contactKind: KindHandler<Input> = {
  table: 'nation_contacts',
  fieldColumn: FIELD_COLUMN,
  async prepare(db, scope) {
    const known = await q.selectNationCodes(db);
    const existing = await q.selectContactKeys(db, scope.nationOnly ? scope.nationCode : null);
    const byEmail = new Map(
      existing.filter((c) => c.email).map((c) => [`${c.nationCode}|${c.email?.toLowerCase()}`, c]),
    );
    return {
      read(cell, row) {
        const { errors, fail } = rowErrors(row);
        const nationCode = cell('nationCode').toUpperCase() || scope.nationCode;
        if (!nationCode) fail('nationCode', 'required');
        else if (!known.has(nationCode))
          fail('nationCode', 'unknown_nation', { value: nationCode });
        else if (scope.nationOnly && nationCode !== scope.nationCode) {
          fail('nationCode', 'other_nation', { value: nationCode, nation: scope.nationCode ?? '' });
        }
        const primary = readYesNo(cell('primary'));
        if (primary === null) fail('primary', 'invalid_yes_no', { value: cell('primary') });
        const parsed = ContactInput.safeParse({
          name: cell('name'),
          position: cell('position') || null,
          email: cell('email').toLowerCase() || null,
          phone: cell('phone') || null,
          primary: primary ?? false,
        });
        if (!parsed.success) schemaErrors(parsed.error.issues, FIELD_COLUMN, cell, fail);
        if (errors.length > 0 || !parsed.success || !nationCode) return { ok: false, errors };
        const given = Object.keys(FIELD_COLUMN).filter(
          (f) => f !== 'nationCode' && cell(FIELD_COLUMN[f] ?? '') !== '',
        );
        return { ok: true, input: { nationCode, data: parsed.data, given } };
      },
      fileKeys: ({ nationCode, data }) =>
        data.email ? [{ key: `email:${nationCode}|${data.email}`, column: 'email' }] : [],
      label: ({ nationCode, data }) =>
        `${nationCode} · ${data.name}${data.email ? ` · ${data.email}` : ''}`,
      duplicate({ nationCode, data }) {
        if (!data.email) return null;
        const found = byEmail.get(`${nationCode}|${data.email}`);
        if (!found) return null;
        return {
          key: `${found.nationCode}|${found.id}`,
          id: found.id,
          existingLabel: `${found.nationCode} · ${found.name} · ${found.email}`,
          reasons: ['email'],
          allowed: ['skip', 'update', 'create'],
        };
      },
      async create(ctx, { nationCode, data }) {
        const contact = await nations.addContact(ctx, nationCode, data);
        return { table: 'nation_contacts', id: contact.id };
      },
      async update(ctx, key, { data, given }) {
        const [nationCode = '', id = ''] = key.split('|');
        const fields = Object.fromEntries(
          given.map((f) => [f, (data as Record<string, unknown>)[f]]),
        );
        const contact = await nations.updateContact(ctx, nationCode, id, fields);
        return { table: 'nation_contacts', id: contact.id };
      },
    };
  },
};
