import { z } from 'zod';
import { DisciplineCode } from './catalogue.js';
import { IsoDateTime, Locale } from './common.js';
import { NationCode } from './users.js';

export const REPORT_GROUPINGS = ['nation', 'discipline', 'provider', 'year'] as const;
export const ReportGrouping = z.enum(REPORT_GROUPINGS);
export type ReportGrouping = z.infer<typeof ReportGrouping>;

const Year = z.coerce.number().int().min(2000).max(2100);

/** Filters shared by every report; years are those of the sessions' start dates. */
export const ReportFilters = z
  .strictObject({
    from: Year.optional(),
    to: Year.optional(),
    nation: NationCode.optional(),
    discipline: DisciplineCode.optional(),
    groupBy: ReportGrouping.default('nation'),
    /** The language of the groups' names; the reader's saved language when not given. */
    locale: Locale.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.to - f.from <= 50, {
    message: 'at most 50 years at a time',
    path: ['to'],
  });
export type ReportFilters = z.infer<typeof ReportFilters>;

export const TrainedRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Completed the activity. */
  trained: z.number().int(),
  selected: z.number().int(),
  /** Submitted to the centre (drafts not counted), on sessions that were not cancelled. */
  nominated: z.number().int(),
  /**
   * Submitted nominations ended by the cancellation of their session: counted here and in no
   * other figure, neither as withdrawn nor as no-show.
   */
  sessionCancelled: z.number().int(),
});
export type TrainedRow = z.infer<typeof TrainedRow>;

/** Rates in percent with one decimal, null when there is nothing to divide by. */
export const RateRow = z.object({
  key: z.string(),
  label: z.string(),
  /** Seats of the group: session capacity, or the quota offered when counting per nation. */
  capacity: z.number().int(),
  selected: z.number().int(),
  completed: z.number().int(),
  noShow: z.number().int(),
  fillRate: z.number().nullable(),
  noShowRate: z.number().nullable(),
  completionRate: z.number().nullable(),
});
export type RateRow = z.infer<typeof RateRow>;

export const EvaluationRow = z.object({
  activityCode: z.string(),
  activityTitle: z.string(),
  disciplineCode: z.string(),
  year: z.number().int(),
  responses: z.number().int(),
  /** Mean of the level-1 scale answers (1-5), two decimals. */
  meanScore: z.number().nullable(),
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;

export const DeliveryRow = z.object({
  nationCode: z.string(),
  nationName: z.string(),
  year: z.number().int(),
  planned: z.number().int(),
  completed: z.number().int(),
  /** completed / planned in percent, null without planned seats. */
  deliveryRate: z.number().nullable(),
});
export type DeliveryRow = z.infer<typeof DeliveryRow>;

/**
 * When the figures of the roll-up a report reads were computed; null before the first
 * refresh. Programme delivery is read live and has none.
 */
const AsOf = IsoDateTime.nullable();

export const TrainedReport = z.object({
  groupBy: ReportGrouping,
  asOf: AsOf,
  rows: z.array(TrainedRow),
});
export type TrainedReport = z.infer<typeof TrainedReport>;
export const RatesReport = z.object({
  groupBy: ReportGrouping,
  asOf: AsOf,
  rows: z.array(RateRow),
});
export type RatesReport = z.infer<typeof RatesReport>;
/** Rows of the evaluations report a page shows; the downloads hold them all. */
export const EVALUATION_ROWS_SHOWN = 500;

export const EvaluationsReport = z.object({
  asOf: AsOf,
  /** Rows matching the filters; more than `rows` holds when they pass EVALUATION_ROWS_SHOWN. */
  total: z.number().int(),
  rows: z.array(EvaluationRow),
});
export type EvaluationsReport = z.infer<typeof EvaluationsReport>;
export const DeliveryReport = z.object({ rows: z.array(DeliveryRow) });
export type DeliveryReport = z.infer<typeof DeliveryReport>;

export const AnnualReportParams = z.strictObject({
  nationCode: NationCode,
  year: z.coerce.number().int().min(2000).max(2100),
});

export const AnnualReportQuery = z.strictObject({
  /** The PDF's language; the reader's own by default. */
  locale: z.enum(['en', 'fr', 'ar']).optional(),
});
