import type { z } from 'zod';
import { SessionInput, type SessionUpdate } from '../../../../contract/sessions.js';
import { quotaProblems } from '../../../../domain/seats.js';
import { sessionDateProblems } from '../../../../domain/session-dates.js';
import { workingDaysBetween } from '../../../../domain/venue-calendar.js';
import * as sessions from '../../sessions/service.js';
import { asciiDigits } from '../cells.js';
import * as q from '../queries.js';
import type { KindHandler } from './kind.js';
import { dateCell, readInteger, rowErrors, schemaErrors } from './rows.js';

type Data = z.output<typeof SessionInput>;
type UpdateField = keyof SessionUpdate;
/** The session as the API takes it, and the fields the file gave (an update changes only those). */
type Input = { data: Data; given: UpdateField[] };

const FIELD_COLUMN: Record<string, string> = {
  code: 'code',
  activityCode: 'activityCode',
  venueCode: 'venueCode',
  startDate: 'startDate',
  endDate: 'endDate',
  capacity: 'capacity',
  nominationOpens: 'nominationOpens',
  nominationCloses: 'nominationCloses',
  quotaReleaseOn: 'quotaReleaseOn',
  quotas: 'quotas',
  language: 'language',
  notes: 'notes',
};

const UPDATE_FIELDS: UpdateField[] = [
  'venueCode',
  'startDate',
  'endDate',
  'capacity',
  'nominationOpens',
  'nominationCloses',
  'quotaReleaseOn',
  'quotas',
  'language',
  'notes',
];

/** "KWT:4; QAT 2, BHR=1" as quotas; null when a part cannot be read. */
export function readQuotas(value: string): { nationCode: string; seats: number }[] | null {
  const parts = asciiDigits(value)
    .split(/[;,\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const quotas: { nationCode: string; seats: number }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z]{3})\s*[:= ]\s*(\d{1,4})$/.exec(part);
    if (!m?.[1] || !m[2]) return null;
    quotas.push({ nationCode: m[1].toUpperCase(), seats: Number(m[2]) });
  }
  return quotas;
}

/**
 * Sessions with their quotas, checked with the API's create schema and its date and seat rules,
 * and each date against the venue's working week and holidays. A duplicate is a session of the
 * same code (skip or update; a code is unique) or of the same activity starting the same day
 * (skip, update that session, or create this one anyway).
 */
export const sessionKind: KindHandler<Input> = {
  table: 'training_sessions',
  fieldColumn: FIELD_COLUMN,
  async prepare(db) {
    const activities = new Set((await q.selectActivityKeys(db)).map((a) => a.code));
    const nations = await q.selectNationCodes(db);
    const venues = new Map((await q.selectVenueCalendars(db)).map((v) => [v.code, v]));
    const known = await q.selectSessionKeys(db);
    const byCode = new Map(known.map((s) => [s.code, s]));
    const byStart = new Map(known.map((s) => [`${s.activityCode}|${s.startDate}`, s]));
    return {
      read(cell, row) {
        const { errors, fail } = rowErrors(row);
        const upper = (c: string) => cell(c).toUpperCase() || undefined;
        const quotasCell = cell('quotas');
        const quotas = quotasCell ? readQuotas(quotasCell) : [];
        if (!quotas) fail('quotas', 'invalid_quotas', { value: quotasCell.slice(0, 80) });
        const dates = {
          startDate: dateCell(cell, 'startDate', fail),
          endDate: dateCell(cell, 'endDate', fail),
          nominationOpens: dateCell(cell, 'nominationOpens', fail),
          nominationCloses: dateCell(cell, 'nominationCloses', fail),
          quotaReleaseOn: dateCell(cell, 'quotaReleaseOn', fail) ?? null,
        };
        const parsed = SessionInput.safeParse({
          code: upper('code'),
          activityCode: upper('activityCode'),
          venueCode: upper('venueCode'),
          ...dates,
          capacity: readInteger(cell('capacity')),
          quotas: quotas ?? [],
          language: cell('language').toLowerCase() || undefined,
          notes: cell('notes') || null,
        });
        if (!parsed.success) {
          // A date already reported as unreadable is not reported again as missing.
          const reported = new Set(errors.map((e) => e.column));
          const issues = parsed.error.issues.filter(
            (i) => !reported.has(FIELD_COLUMN[String(i.path[0])] ?? ''),
          );
          schemaErrors(issues, FIELD_COLUMN, cell, fail);
          return { ok: false, errors };
        }
        if (errors.length > 0) return { ok: false, errors };
        const data = parsed.data;
        if (!activities.has(data.activityCode)) {
          fail('activityCode', 'unknown_activity', { value: data.activityCode });
        }
        for (const quota of data.quotas) {
          if (!nations.has(quota.nationCode)) {
            fail('quotas', 'unknown_nation', { value: quota.nationCode });
          }
        }
        // The API's own rules on dates and seats, named by the column they come from.
        for (const p of [
          ...sessionDateProblems(data),
          ...quotaProblems(data.capacity, data.quotas, 0),
        ]) {
          const column = FIELD_COLUMN[p.field.split('.')[0] ?? ''] ?? null;
          fail(column, p.code, { value: column ? cell(column).slice(0, 80) : '' });
        }
        const venue = venues.get(data.venueCode);
        if (!venue) fail('venueCode', 'unknown_venue', { value: data.venueCode });
        else {
          for (const column of ['startDate', 'endDate'] as const) {
            const day = data[column];
            if (workingDaysBetween(day, day, venue.workingDays, venue.holidays).length === 0) {
              fail(column, 'not_working_day', { value: day, venue: venue.code });
            }
          }
        }
        if (errors.length > 0) return { ok: false, errors };
        const given = UPDATE_FIELDS.filter((f) => cell(FIELD_COLUMN[f] ?? '') !== '');
        return { ok: true, input: { data, given } };
      },
      // Two runs of one activity starting the same day may be meant (parallel groups): only
      // the code must be unique within the file.
      fileKeys: ({ data }) => [{ key: `code:${data.code}`, column: 'code' }],
      label: ({ data }) => `${data.code} · ${data.activityCode} · ${data.startDate}`,
      duplicate({ data }) {
        const sameCode = byCode.get(data.code);
        const sameStart = byStart.get(`${data.activityCode}|${data.startDate}`);
        const found = sameCode ?? sameStart;
        if (!found) return null;
        return {
          key: found.code,
          id: found.id,
          existingLabel: `${found.code} · ${found.activityCode} · ${found.startDate}`,
          reasons: [
            ...(sameCode ? (['code'] as const) : []),
            ...(sameStart && sameStart.code === found.code ? (['activity_start'] as const) : []),
          ],
          allowed: sameCode ? ['skip', 'update'] : ['skip', 'update', 'create'],
        };
      },
      async create(ctx, { data }) {
        const session = await sessions.createSession(ctx, data);
        return { table: 'training_sessions', id: session.id };
      },
      async update(ctx, code, { data, given }) {
        const fields = Object.fromEntries(
          given.map((f) => [f, (data as Record<string, unknown>)[f]]),
        );
        const session = await sessions.updateSession(ctx, code, fields);
        return { table: 'training_sessions', id: session.id };
      },
    };
  },
};
