import {
  departsBeforeArrival,
  LOGISTICS_FIELDS,
  type Logistics,
  type LogisticsField,
  type LogisticsInput,
  type LogisticsSheet,
} from '../../../contract/logistics.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { type Column, toCsv, toXlsx } from '../../http/spreadsheet.js';
import { recordAudit, recordExport } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectSession } from '../sessions/queries.js';
import { managesOthers, sheetScopeOf } from './access.js';
import { sheetColumns } from './export.js';
import { auditView, presentLogistics, presentSheetRow } from './presenters.js';
import * as q from './queries.js';

/**
 * A selected nomination the actor may handle. Outside their nation, or a participant other
 * than the caller, is "not found"; one that is not (or no longer) selected is a conflict.
 */
async function loadSelected(ctx: ServiceContext, id: string, lock = false) {
  const row = await q.selectNomination(ctx.tx, ctx.actor.scope, id, lock);
  if (!row || (!managesOthers(ctx.actor) && row.participantUserId !== ctx.actor.id)) {
    throw notFound('The nomination');
  }
  if (row.status !== 'selected') {
    throw conflict(
      'not_selected',
      `Logistics are collected once a nomination is selected; this one is ${row.status}.`,
    );
  }
  return row;
}

/** A selected nomination's logistics, all null until someone saves them. */
export async function getLogistics(ctx: ServiceContext, nominationId: string): Promise<Logistics> {
  const nomination = await loadSelected(ctx, nominationId);
  return presentLogistics(nomination, await q.selectLogistics(ctx.tx, nominationId));
}

type Fields = Pick<Logistics, LogisticsField>;

/** What is stored, with every field the input carries put over it. */
function mergeFields(stored: Fields, sent: Partial<Fields>): Fields {
  const merged: Record<string, unknown> = {};
  for (const field of LOGISTICS_FIELDS) {
    merged[field] = sent[field] !== undefined ? sent[field] : stored[field];
  }
  return merged as Fields;
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null || value.trim() === '' ? null : value.trim();

/**
 * Saves a selected nomination's logistics. Fields left out keep their value; the departure
 * must not come before the arrival once merged with what is stored. The audit record says
 * whether the passport number changed, never what it is.
 */
export async function saveLogistics(
  ctx: ServiceContext,
  nominationId: string,
  input: LogisticsInput,
): Promise<Logistics> {
  const nomination = await loadSelected(ctx, nominationId, true);
  const before = presentLogistics(nomination, await q.selectLogistics(ctx.tx, nominationId));
  const merged = mergeFields(before, {
    arrivalAt: input.arrivalAt,
    arrivalFlight: blankToNull(input.arrivalFlight),
    departureAt: input.departureAt,
    departureFlight: blankToNull(input.departureFlight),
    lodging: input.lodging,
    visaLetterRequested: input.visaLetterRequested,
    // Passports print their numbers in capitals; storing them so keeps the sheet consistent.
    passportNumber: blankToNull(
      typeof input.passportNumber === 'string'
        ? input.passportNumber.toUpperCase()
        : input.passportNumber,
    ),
    dietaryNeeds: blankToNull(input.dietaryNeeds),
    notes: blankToNull(input.notes),
  });
  if (departsBeforeArrival(merged)) {
    throw invalid('departureAt', 'must not be before the arrival', 'departure_before_arrival');
  }
  await q.upsertLogistics(ctx.tx, {
    nominationId,
    ...merged,
    arrivalAt: merged.arrivalAt ? new Date(merged.arrivalAt) : null,
    departureAt: merged.departureAt ? new Date(merged.departureAt) : null,
    updatedBy: ctx.actor.id,
    updatedAt: new Date(),
  });
  const after = presentLogistics(nomination, await q.selectLogistics(ctx.tx, nominationId));
  await recordAudit(ctx, {
    action: 'logistics.updated',
    entityType: 'nomination',
    entityId: nominationId,
    before: auditView(before),
    after: {
      ...auditView(after),
      passportNumberChanged: before.passportNumber !== after.passportNumber,
    },
  });
  return after;
}

/**
 * A session's logistics sheet: every selected nomination the reader may see. The session
 * itself must be visible to them; a director or instructor of another session is refused.
 */
export async function getLogisticsSheet(
  ctx: ServiceContext,
  code: string,
): Promise<LogisticsSheet> {
  return (await readSheet(ctx, code)).sheet;
}

async function readSheet(
  ctx: ServiceContext,
  code: string,
): Promise<{ sessionId: string; sheet: LogisticsSheet }> {
  const row = await selectSession(ctx.tx, ctx.actor.scope, code);
  if (!row) throw notFound(`The session ${code}`);
  const { session, venue } = row;
  const teaches = await q.isSessionInstructor(ctx.tx, session.id, ctx.actor.id);
  const scope = sheetScopeOf(ctx.actor, session, teaches);
  if (!scope) throw forbidden();
  const showPassport = managesOthers(ctx.actor);
  const rows = (await q.selectSheetRows(ctx.tx, session.id, scope)).map((r) =>
    presentSheetRow(r, showPassport),
  );
  return {
    sessionId: session.id,
    sheet: {
      sessionCode: session.code,
      timeZone: venue.timeZone,
      passportNumbersShown: showPassport,
      missing: rows.filter((r) => r.missingFields.length > 0).length,
      rows,
    },
  };
}

export interface Download {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * The sheet as a file, headers in the reader's language, laid out right to left in Arabic;
 * recorded in the audit trail, as it holds passports and travel of people.
 */
export async function exportLogisticsSheet(
  ctx: ServiceContext,
  code: string,
  format: 'csv' | 'xlsx',
): Promise<Download> {
  const { sessionId, sheet } = await readSheet(ctx, code);
  const columns: Column<LogisticsSheet['rows'][number]>[] = sheetColumns(sheet, ctx.actor.locale);
  const filename = `logistics-${sheet.sessionCode}.${format}`;
  const body =
    format === 'csv'
      ? toCsv(columns, sheet.rows)
      : await toXlsx(columns, sheet.rows, sheet.sessionCode, {
          rightToLeft: ctx.actor.locale === 'ar',
        });
  await recordExport(ctx, {
    export: 'logistics-sheet',
    format,
    entityType: 'session',
    entityId: sessionId,
    rows: sheet.rows.length,
    filters: { passportNumbersShown: sheet.passportNumbersShown },
  });
  return {
    filename,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
