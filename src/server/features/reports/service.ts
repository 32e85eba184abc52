import { eq } from 'drizzle-orm';
import type { Locale } from '../../../contract/common.js';
import {
  type DeliveryReport,
  type DeliveryRow,
  EVALUATION_ROWS_SHOWN,
  type EvaluationRow,
  type EvaluationsReport,
  type RateRow,
  type RatesReport,
  type ReportFilters,
  type TrainedReport,
  type TrainedRow,
} from '../../../contract/reports.js';
import { canSeeNation } from '../../../domain/access.js';
import { rate } from '../../../domain/rates.js';
import { nations } from '../../db/schema/index.js';
import { notFound } from '../../http/errors.js';
import { type Column, toCsv, toXlsx } from '../../http/spreadsheet.js';
import { recordExport } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';
import { readRollupState } from './rollups.js';
import { REPORT_WORDS } from './words.js';

export type ReportKind = 'trained' | 'rates' | 'evaluations' | 'programme-delivery';

function queryFilters(ctx: ServiceContext, filters: ReportFilters): q.ReportQueryFilters {
  return {
    from: filters.from,
    to: filters.to,
    nation: filters.nation,
    discipline: filters.discipline,
    groupBy: filters.groupBy,
    locale: filters.locale ?? ctx.actor.locale,
  };
}

async function asOf(ctx: ServiceContext): Promise<string | null> {
  return (await readRollupState(ctx.tx))?.refreshedAt.toISOString() ?? null;
}

export async function trainedReport(
  ctx: ServiceContext,
  filters: ReportFilters,
): Promise<TrainedReport> {
  const rows = await q.trainedPeople(ctx.tx, ctx.actor.scope, queryFilters(ctx, filters));
  return { groupBy: filters.groupBy, asOf: await asOf(ctx), rows };
}

export const withRates = (row: q.RateCounts): RateRow => ({
  ...row,
  fillRate: rate(row.selected, row.capacity),
  noShowRate: rate(row.noShow, row.selected),
  completionRate: rate(row.completed, row.selected),
});

export async function ratesReport(
  ctx: ServiceContext,
  filters: ReportFilters,
): Promise<RatesReport> {
  const rows = await q.deliveryRates(ctx.tx, ctx.actor.scope, queryFilters(ctx, filters));
  return { groupBy: filters.groupBy, asOf: await asOf(ctx), rows: rows.map(withRates) };
}

/** The first rows for a page, or every row (`all`) for a download. */
export async function evaluationsReport(
  ctx: ServiceContext,
  filters: ReportFilters,
  all = false,
): Promise<EvaluationsReport> {
  const { rows, total } = await q.evaluationScores(
    ctx.tx,
    ctx.actor.scope,
    queryFilters(ctx, filters),
    all ? undefined : EVALUATION_ROWS_SHOWN,
  );
  return { asOf: await asOf(ctx), total, rows };
}

const withDelivery = (row: q.DeliveryCounts): DeliveryRow => ({
  ...row,
  deliveryRate: rate(row.completed, row.planned),
});

export async function deliveryReport(
  ctx: ServiceContext,
  filters: ReportFilters,
): Promise<DeliveryReport> {
  const rows = await q.programmeDelivery(ctx.tx, ctx.actor.scope, queryFilters(ctx, filters));
  return { rows: rows.map(withDelivery) };
}

export interface Download {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** A sheet whose row type is fixed where it is made, so both formats can be written from it. */
interface Sheet {
  rows: number;
  csv: () => string;
  xlsx: (rightToLeft: boolean) => Promise<Buffer>;
}

function sheet<R>(name: string, columns: Column<R>[], rows: R[]): Sheet {
  return {
    rows: rows.length,
    csv: () => toCsv(columns, rows),
    xlsx: (rightToLeft) => toXlsx(columns, rows, name, { rightToLeft }),
  };
}

async function sheetOf(
  ctx: ServiceContext,
  kind: ReportKind,
  filters: ReportFilters,
): Promise<Sheet> {
  const w = REPORT_WORDS[ctx.actor.locale];
  const group = w.groups[filters.groupBy];
  switch (kind) {
    case 'trained': {
      const columns: Column<TrainedRow>[] = [
        { header: w.code, value: (r) => r.key, width: 12 },
        { header: group, value: (r) => r.label, width: 32 },
        { header: w.nominated, value: (r) => r.nominated },
        { header: w.selected, value: (r) => r.selected },
        { header: w.trained, value: (r) => r.trained },
        { header: w.sessionCancelled, value: (r) => r.sessionCancelled },
      ];
      return sheet(w.sheets.trained, columns, (await trainedReport(ctx, filters)).rows);
    }
    case 'rates': {
      const columns: Column<RateRow>[] = [
        { header: w.code, value: (r) => r.key, width: 12 },
        { header: group, value: (r) => r.label, width: 32 },
        { header: w.capacity, value: (r) => r.capacity },
        { header: w.selected, value: (r) => r.selected },
        { header: w.completed, value: (r) => r.completed },
        { header: w.noShow, value: (r) => r.noShow },
        { header: w.fillRate, value: (r) => r.fillRate },
        { header: w.noShowRate, value: (r) => r.noShowRate },
        { header: w.completionRate, value: (r) => r.completionRate },
      ];
      return sheet(w.sheets.rates, columns, (await ratesReport(ctx, filters)).rows);
    }
    case 'evaluations': {
      const columns: Column<EvaluationRow>[] = [
        { header: w.year, value: (r) => r.year, width: 8 },
        { header: w.activityCode, value: (r) => r.activityCode },
        { header: w.activity, value: (r) => r.activityTitle, width: 40 },
        { header: w.discipline, value: (r) => r.disciplineCode },
        { header: w.responses, value: (r) => r.responses },
        { header: w.meanScore, value: (r) => r.meanScore },
      ];
      return sheet(
        w.sheets.evaluations,
        columns,
        (await evaluationsReport(ctx, filters, true)).rows,
      );
    }
    case 'programme-delivery': {
      const columns: Column<DeliveryRow>[] = [
        { header: w.nationCode, value: (r) => r.nationCode },
        { header: w.nation, value: (r) => r.nationName, width: 28 },
        { header: w.year, value: (r) => r.year, width: 8 },
        { header: w.planned, value: (r) => r.planned },
        { header: w.completed, value: (r) => r.completed },
        { header: w.deliveryRate, value: (r) => r.deliveryRate },
      ];
      return sheet(w.sheets.delivery, columns, (await deliveryReport(ctx, filters)).rows);
    }
  }
}

/**
 * A report as CSV or XLSX, headers in the reader's language, right to left in Arabic; the
 * download is recorded in the audit trail with its filters.
 */
export async function exportReport(
  ctx: ServiceContext,
  kind: ReportKind,
  filters: ReportFilters,
  format: 'csv' | 'xlsx',
): Promise<Download> {
  const made = await sheetOf(ctx, kind, filters);
  const suffix = kind === 'trained' || kind === 'rates' ? `-by-${filters.groupBy}` : '';
  const filename = `${kind}${suffix}.${format}`;
  const body = format === 'csv' ? made.csv() : await made.xlsx(ctx.actor.locale === 'ar');
  await recordExport(ctx, {
    export: 'report',
    format,
    entityType: 'report',
    entityId: kind,
    rows: made.rows,
    filters,
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

/** A nation the reader may see, with its name in `locale`; anything else is not found. */
export async function visibleNation(
  ctx: ServiceContext,
  nationCode: string,
  locale: Locale,
): Promise<string> {
  const notVisible = notFound(`The nation ${nationCode}`);
  if (!canSeeNation(ctx.actor.scope, nationCode)) throw notVisible;
  const [row] = await ctx.tx
    .select({ name: nations.name })
    .from(nations)
    .where(eq(nations.code, nationCode))
    .limit(1);
  if (!row) throw notVisible;
  return row.name[locale] ?? row.name.en;
}
