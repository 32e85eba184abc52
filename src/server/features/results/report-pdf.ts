import type { Locale, LocalizedText } from '../../../contract/common.js';
import type { SessionReport } from '../../../contract/results.js';
import { recordExport } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { type Canvas, createCanvas } from './pdf-canvas.js';
import { readReport } from './report.js';
import { REPORT_WORDS, type ReportWords } from './report-pdf-text.js';

// Western digits in every language, as in the web app: staff copy figures between systems.
const DATE_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };
const HIJRI_TAG = 'ar-SA-u-ca-islamic-umalqura-nu-latn';

const text = (value: LocalizedText, locale: Locale) => value[locale] || value.en;

/** Intl puts direction marks between Arabic date parts; the bidi step orders them already. */
const plain = (formatted: string) => formatted.replace(/[\u200e\u200f\u061c]/g, '');

function day(value: string, locale: Locale, weekday = false): string {
  const date = new Date(`${value}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(weekday ? { weekday: 'short' } : {}),
  };
  const gregorian = plain(new Intl.DateTimeFormat(DATE_TAG[locale], options).format(date));
  if (locale !== 'ar') return gregorian;
  const hijri = plain(
    new Intl.DateTimeFormat(HIJRI_TAG, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }).format(date),
  );
  return `${gregorian} (${hijri})`;
}

const pct = (value: number | null, w: ReportWords) => (value === null ? w.none : `${value}%`);
const num = (value: number | null, w: ReportWords) => (value === null ? w.none : String(value));

function header(canvas: Canvas, r: SessionReport, locale: Locale) {
  const w = REPORT_WORDS[locale];
  const s = r.session;
  canvas.paragraph(w.title, { size: 18, weight: 'bold' });
  canvas.paragraph(text(s.activityTitle, locale), { size: 13 });
  canvas.gap(4);
  canvas.paragraph(`${w.session}: ${s.code} · ${s.activityCode}`);
  canvas.paragraph(`${w.dates}: ${day(s.startDate, locale)} – ${day(s.endDate, locale)}`);
  canvas.paragraph(`${w.venue}: ${text(s.venueName, locale)}`);
  canvas.paragraph(`${w.director}: ${s.directorName ?? w.none}`);
  if (s.instructorNames.length > 0) {
    canvas.paragraph(`${w.instructors}: ${s.instructorNames.join('، ')}`);
  }
  // An event has no completion rule: only whether its record is closed.
  const status = r.closed ? w.closed : w.open;
  canvas.paragraph(r.resultsApply ? `${w.rule(r.completionPercent)} · ${status}` : status, {
    color: '#374151',
  });
  if (r.scopedToNation) canvas.paragraph(w.scoped(r.scopedToNation), { color: '#b45309' });
}

function results(canvas: Canvas, r: SessionReport, locale: Locale) {
  const w = REPORT_WORDS[locale];
  const statusColumns = [
    w.status.completed,
    w.status['partially-attended'],
    w.status.failed,
    w.status['no-show'],
    w.status.withdrawn,
    w.unconfirmed,
  ]
    // An event's people are counted and their days shown, never graded.
    .filter(() => r.resultsApply)
    .map((label) => ({ label, width: 1 }));
  const counts = (c: SessionReport['totals']) => [
    String(c.participants),
    ...(r.resultsApply
      ? [
          String(c.completed),
          String(c['partially-attended']),
          String(c.failed),
          String(c['no-show']),
          String(c.withdrawn),
          String(c.unconfirmed),
        ]
      : []),
  ];
  canvas.heading(w.byNation);
  canvas.table(
    [{ label: w.nation, width: 2 }, { label: w.participants, width: 1 }, ...statusColumns],
    [
      ...r.nations.map((n) => [`${text(n.nationName, locale)} (${n.nationCode})`, ...counts(n)]),
      [w.total, ...counts(r.totals)],
    ],
  );

  canvas.heading(w.participantList);
  const level2 = r.resultsApply && r.session.evaluationLevels.includes(2);
  const graded = r.resultsApply;
  canvas.table(
    [
      { label: w.name, width: 3.2 },
      { label: w.nation, width: 0.9 },
      { label: w.rank, width: 1.3 },
      { label: w.attendance, width: 1.3 },
      ...(graded ? [{ label: w.result, width: 1.8 }] : []),
      ...(level2 ? [{ label: w.scores, width: 1.1 }] : []),
    ],
    r.participants.map((p) => {
      const names = [p.name.latin, p.name.arabic].filter((n): n is string => Boolean(n));
      const a = p.attendance;
      return [
        (locale === 'ar' ? names.reverse() : names).join('\n'),
        p.nationCode,
        p.rankTitle ?? w.none,
        `${a.present}/${a.days}${a.excused > 0 ? ` (+${a.excused} ${w.excused})` : ''}`,
        ...(graded
          ? [
              p.status
                ? w.status[p.status]
                : p.proposed
                  ? `${w.status[p.proposed]} (${w.proposed})`
                  : '—',
            ]
          : []),
        ...(level2 ? [`${num(p.preTestScore, w)} / ${num(p.postTestScore, w)}`] : []),
      ];
    }),
  );
}

function attendance(canvas: Canvas, r: SessionReport, locale: Locale) {
  const w = REPORT_WORDS[locale];
  canvas.heading(w.attendanceByDay);
  canvas.table(
    [
      { label: w.day, width: 3 },
      { label: w.present, width: 1 },
      { label: w.absent, width: 1 },
      { label: w.excused, width: 1 },
      { label: w.unmarked, width: 1 },
      { label: w.rate, width: 2 },
    ],
    r.attendance.days.map((d) => [
      day(d.day, locale, true),
      String(d.present),
      String(d.absent),
      String(d.excused),
      String(d.unmarked),
      { bar: d.rate, label: pct(d.rate, w) },
    ]),
  );
  canvas.paragraph(w.overallRate(pct(r.attendance.rate, w)), { weight: 'bold' });
}

/** The whole session's figures beside a nation's own, naming nobody. */
function sessionWide(canvas: Canvas, r: SessionReport, locale: Locale) {
  if (!r.sessionWide) return;
  const w = REPORT_WORDS[locale];
  const s = r.sessionWide;
  canvas.heading(w.sessionWide);
  canvas.paragraph(
    r.resultsApply
      ? w.sessionWideFigures(
          s.totals.participants,
          s.nations,
          s.totals.completed,
          pct(s.completionRate, w),
          pct(s.attendanceRate, w),
        )
      : w.sessionWideAttendance(s.totals.participants, s.nations, pct(s.attendanceRate, w)),
  );
}

function evaluation(canvas: Canvas, r: SessionReport, locale: Locale) {
  const w = REPORT_WORDS[locale];
  const { level1, level2 } = r.evaluation;
  canvas.heading(w.evaluation);
  if (!level1 && !level2) canvas.paragraph(w.noEvaluation, { color: '#6b7280' });
  if (level1) {
    canvas.paragraph(w.level1, { weight: 'bold' });
    canvas.paragraph(w.responses(level1.responses, level1.invited, pct(level1.responseRate, w)));
    if (level1.questions.length > 0) {
      canvas.table(
        [
          { label: w.question, width: 5 },
          { label: w.answers, width: 1 },
          { label: w.mean, width: 2 },
        ],
        level1.questions.map((q) => [
          text(q.text, locale),
          String(q.answers),
          { bar: q.mean === null ? null : (q.mean / 5) * 100, label: num(q.mean, w) },
        ]),
      );
    }
  }
  if (level2) {
    canvas.paragraph(w.level2, { weight: 'bold' });
    canvas.paragraph(w.level2Means(level2.scored, num(level2.meanPre, w), num(level2.meanPost, w)));
  }
}

/** The post-course report as an A4 PDF in `locale`, made in-process; its download is audited. */
export async function reportPdf(
  ctx: ServiceContext,
  code: string,
  locale: Locale,
  purpose: 'read' | 'nation' = 'read',
): Promise<Buffer> {
  const { sessionId, report } = await readReport(ctx, code, new Date(), purpose);
  const w = REPORT_WORDS[locale];
  const canvas = await createCanvas(locale, `${w.title} ${report.session.code}`);
  header(canvas, report, locale);
  results(canvas, report, locale);
  attendance(canvas, report, locale);
  sessionWide(canvas, report, locale);
  evaluation(canvas, report, locale);
  canvas.heading(w.comments);
  if (report.directorComments) {
    for (const line of report.directorComments.split('\n')) {
      if (line.trim()) canvas.paragraph(line, { auto: true });
      else canvas.gap(6);
    }
  } else canvas.paragraph(w.noComments, { color: '#6b7280' });
  const generated = plain(
    new Intl.DateTimeFormat(DATE_TAG[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(report.generatedAt)),
  );
  const pdf = await canvas.finish(
    (page, pages) => `${report.session.code} · ${w.generated} ${generated} UTC · ${page}/${pages}`,
  );
  await recordExport(ctx, {
    export: purpose === 'nation' ? 'nation-report' : 'session-report',
    format: 'pdf',
    entityType: 'session',
    entityId: sessionId,
    rows: report.participants.length,
    filters: { locale },
  });
  return pdf;
}
