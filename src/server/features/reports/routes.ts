import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  AnnualReportParams,
  AnnualReportQuery,
  DeliveryReport,
  EvaluationsReport,
  RatesReport,
  ReportFilters,
  TrainedReport,
} from '../../../contract/reports.js';
import { inReplicaRead, readContext } from '../../http/context.js';
import type { ServiceContext } from '../context.js';
import { annualReportPdf } from './annual-pdf.js';
import * as reports from './service.js';

const tags = ['reports'];

function sendDownload(reply: FastifyReply, file: reports.Download) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

interface ReportRoute {
  kind: reports.ReportKind;
  /** The report's name in operation ids: `get<name>`, `download<name>Csv`... */
  name: string;
  summary: string;
  description: string;
  response: z.ZodType;
  read: (ctx: ServiceContext, filters: ReportFilters) => Promise<unknown>;
}

const REPORTS: readonly ReportRoute[] = [
  {
    kind: 'trained',
    name: 'TrainedReport',
    summary: 'People nominated, selected and trained',
    description:
      'Nominated, selected and trained (completed) people per nation, discipline, provider or year.',
    response: TrainedReport,
    read: reports.trainedReport,
  },
  {
    kind: 'rates',
    name: 'RatesReport',
    summary: 'Fill, no-show and completion rates',
    description: 'Fill, no-show and completion rates per group, over completed sessions.',
    response: RatesReport,
    read: reports.ratesReport,
  },
  {
    kind: 'evaluations',
    name: 'EvaluationsReport',
    summary: 'Level-1 evaluation scores',
    description:
      'Mean level-1 evaluation score per activity and year, with response counts: newest year first, the first 500 rows and how many there are.',
    response: EvaluationsReport,
    read: reports.evaluationsReport,
  },
  {
    kind: 'programme-delivery',
    name: 'ProgrammeDeliveryReport',
    summary: 'Programme delivery: seats planned against completed',
    description: 'Seats planned by agreed programmes against seats completed, per nation and year.',
    response: DeliveryReport,
    read: reports.deliveryReport,
  },
];

/**
 * Reports and dashboards: trained people, rates, evaluations, programme delivery. A reader
 * bound to a nation sees only that nation's numbers, whatever the filters say.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const report of REPORTS) {
    app.get(
      `/reports/${report.kind}`,
      {
        schema: {
          tags,
          operationId: `get${report.name}`,
          summary: report.summary,
          description: report.description,
          querystring: ReportFilters,
          response: { 200: report.response },
        },
        config: { permission: 'reports.read' },
      },
      // Figures only: the replica may answer. Downloads stay on the primary, which records them.
      (request) => inReplicaRead(app, request, (ctx) => report.read(ctx, request.query)),
    );
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(
        `/reports/${report.kind}.${format}`,
        {
          schema: {
            tags,
            operationId: `download${report.name}${format === 'csv' ? 'Csv' : 'Xlsx'}`,
            summary: `${report.summary}, as ${format.toUpperCase()}`,
            description: `${report.description} A download with headers in your language.`,
            querystring: ReportFilters,
          },
          config: { permission: 'reports.read' },
        },
        async (request, reply) =>
          sendDownload(
            reply,
            await reports.exportReport(
              readContext(app, request),
              report.kind,
              request.query,
              format,
            ),
          ),
      );
    }
  }
  app.get(
    '/reports/annual/:nationCode/:year.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadAnnualReportPdf',
        summary: "A nation's annual training report as an A4 PDF, in the reader's language",
        params: AnnualReportParams,
        querystring: AnnualReportQuery,
      },
      config: { permission: 'reports.read' },
    },
    async (request, reply) => {
      const ctx = readContext(app, request);
      const locale = request.query.locale ?? ctx.actor.locale;
      const { nationCode, year } = request.params;
      const pdf = await annualReportPdf(ctx, nationCode, year, locale);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="annual-report-${nationCode}-${year}-${locale}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
