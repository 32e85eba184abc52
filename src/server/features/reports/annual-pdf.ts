import type { Locale } from '../../../contract/common.js';
import { rate } from '../../../domain/rates.js';
import { recordExport } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { createCanvas } from '../results/pdf-canvas.js';
import * as q from './queries.js';
import { visibleNation, withRates } from './service.js';
import { REPORT_WORDS } from './words.js';

const DATE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };
// Intl wraps some parts in direction marks; the bidi layout places them itself.
const plain = (formatted: string) => formatted.replace(/[\u200e\u200f\u061c]/g, '');

const num = (value: number | null) => (value === null ? '–' : String(value));
const pct = (value: number | null) => ({ bar: value, label: value === null ? '–' : `${value}%` });

/**
 * One nation's year as an A4 PDF: people trained by discipline, the rates and the programme's
 * delivery. The nation must be one the reader may see; others are not found. The download is
 * recorded in the audit trail.
 */
export async function annualReportPdf(
  ctx: ServiceContext,
  nationCode: string,
  year: number,
  locale: Locale,
): Promise<Buffer> {
  const nationName = await visibleNation(ctx, nationCode, locale);
  const w = REPORT_WORDS[locale];
  const filters: q.ReportQueryFilters = {
    from: year,
    to: year,
    nation: nationCode,
    groupBy: 'discipline',
    locale,
  };
  const [trained, rates, delivery] = await Promise.all([
    q.trainedPeople(ctx.tx, ctx.actor.scope, filters),
    q.deliveryRates(ctx.tx, ctx.actor.scope, filters),
    q.programmeDelivery(ctx.tx, ctx.actor.scope, filters),
  ]);
  const title = w.annualTitle(nationName, year);
  const canvas = await createCanvas(locale, title);
  canvas.paragraph(title, { size: 16, weight: 'bold' });
  canvas.gap(6);

  canvas.heading(w.trainedByDiscipline);
  if (trained.length === 0) canvas.paragraph(w.nothing, { color: '#6b7280' });
  else
    canvas.table(
      [
        { label: w.discipline, width: 3 },
        { label: w.nominated, width: 1 },
        { label: w.selected, width: 1 },
        { label: w.trained, width: 1 },
      ],
      trained.map((r) => [r.label, num(r.nominated), num(r.selected), num(r.trained)]),
    );

  canvas.heading(w.ratesByDiscipline);
  if (rates.length === 0) canvas.paragraph(w.nothing, { color: '#6b7280' });
  else
    canvas.table(
      [
        { label: w.discipline, width: 2.4 },
        { label: w.capacity, width: 0.8 },
        { label: w.fillRate, width: 1.6 },
        { label: w.noShowRate, width: 1.6 },
        { label: w.completionRate, width: 1.6 },
      ],
      rates
        .map(withRates)
        .map((r) => [
          r.label,
          num(r.capacity),
          pct(r.fillRate),
          pct(r.noShowRate),
          pct(r.completionRate),
        ]),
    );

  canvas.heading(w.programmeDelivery);
  if (delivery.length === 0) canvas.paragraph(w.nothing, { color: '#6b7280' });
  else
    canvas.table(
      [
        { label: w.year, width: 1 },
        { label: w.planned, width: 1.5 },
        { label: w.completed, width: 1.5 },
        { label: w.deliveryRate, width: 2 },
      ],
      delivery.map((r) => [
        String(r.year),
        num(r.planned),
        num(r.completed),
        pct(rate(r.completed, r.planned)),
      ]),
    );

  const generated = plain(
    new Intl.DateTimeFormat(DATE_TAG[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(),
    ),
  );
  const pdf = await canvas.finish(
    (page, pages) => `${nationCode} ${year} · ${w.generated} ${generated} · ${page}/${pages}`,
  );
  await recordExport(ctx, {
    export: 'annual-report',
    format: 'pdf',
    entityType: 'nation',
    entityId: nationCode,
    filters: { year, locale },
  });
  return pdf;
}
