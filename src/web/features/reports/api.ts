import { queryOptions } from '@tanstack/react-query';
import type {
  DeliveryReport,
  EvaluationsReport,
  RatesReport,
  ReportGrouping,
  TrainedReport,
} from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { api, withQuery } from '../../lib/api.js';

export const REPORT_TABS = ['trained', 'rates', 'evaluations', 'programme-delivery'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

export interface ReportSearch {
  tab?: ReportTab;
  groupBy?: ReportGrouping;
  from?: number;
  to?: number;
  nation?: string;
  discipline?: string;
}

export type ReportQuery = Omit<ReportSearch, 'tab'>;

const reportPath = (tab: ReportTab) => `/api/v1/reports/${tab}`;

/** Asked in the page's language, so the nations and disciplines are named in it. */
function reportQuery<T>(tab: ReportTab, query: ReportQuery) {
  const locale = currentLocale();
  return queryOptions({
    queryKey: ['reports', tab, query, locale] as const,
    queryFn: ({ signal }) => api<T>(reportPath(tab), { query: { ...query, locale }, signal }),
  });
}

export const trainedQuery = (query: ReportQuery) => reportQuery<TrainedReport>('trained', query);
export const ratesQuery = (query: ReportQuery) => reportQuery<RatesReport>('rates', query);
export const evaluationsQuery = (query: ReportQuery) =>
  reportQuery<EvaluationsReport>('evaluations', query);
export const deliveryQuery = (query: ReportQuery) =>
  reportQuery<DeliveryReport>('programme-delivery', query);

export const reportDownloadUrl = (tab: ReportTab, query: ReportQuery, format: 'csv' | 'xlsx') =>
  withQuery(`${reportPath(tab)}.${format}`, { ...query });

export const annualReportUrl = (nationCode: string, year: number) =>
  `/api/v1/reports/annual/${encodeURIComponent(nationCode)}/${year}.pdf`;
