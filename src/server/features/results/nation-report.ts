import type { Locale } from '../../../contract/common.js';
import type { NationReportItem, SessionReport } from '../../../contract/results.js';
import type { Database } from '../../db/client.js';
import { claimEffect } from '../../jobs/effects.js';
import { type ServiceContext, systemContext } from '../context.js';
import { formatDays } from '../messages/dates.js';
import { publicUrl } from '../messages/links.js';
import { type EmailRequest, notifyUser, queueEmails } from '../messages/outbox.js';
import { selectNationUsers } from '../nominations/queries.js';
import { asLocale } from '../sessions/changes/recipients.js';
import * as q from './queries.js';
import { readReport } from './report.js';
import { selectNationReports } from './report-queries.js';

/** The NPOC's "Reports": every closed session their nation's officers took part in. */
export async function listNationReports(ctx: ServiceContext): Promise<NationReportItem[]> {
  // Centre staff read every session's full report from the session itself.
  if (ctx.actor.scope.kind !== 'nation') return [];
  const rows = await selectNationReports(ctx.tx, ctx.actor.scope.nationCode);
  return rows.map((r) => ({
    sessionCode: r.session_code,
    activityTitle: r.activity_title,
    startDate: r.start_date,
    endDate: r.end_date,
    closedAt: new Date(r.closed_at).toISOString(),
    officers: r.officers,
    completed: r.completed,
  }));
}

type Counts = SessionReport['totals'];

const pct = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part * 1000) / whole) / 10}%` : '—';

function attendanceOf(participants: SessionReport['participants']) {
  let present = 0;
  let days = 0;
  for (const p of participants) {
    if (p.status === 'withdrawn') continue;
    present += p.attendance.present;
    days += p.attendance.days;
  }
  return pct(present, days);
}

/** One sentence per language: the nation's officers, then the whole session, naming nobody. */
export function reportSummary(
  report: SessionReport,
  nation: { counts: Counts; attendance: string },
  locale: Locale,
): string {
  const own = nation.counts;
  const all = report.totals;
  const nations = report.nations.length;
  const sessionAttendance = report.attendance.rate === null ? '—' : `${report.attendance.rate}%`;
  const rate = pct(all.completed, all.participants - all.withdrawn);
  if (!report.resultsApply) {
    // An event is attended, not completed: attendance is all there is to report.
    if (locale === 'ar') {
      return `حضر ${own.participants} من ممثليكم؛ نسبة الحضور ${nation.attendance}. على مستوى الفعالية: ${all.participants} مشاركًا من ${nations} دول، نسبة الحضور ${sessionAttendance}.`;
    }
    if (locale === 'fr') {
      return `${own.participants} de vos représentants y ont pris part ; présence ${nation.attendance}. Sur l’ensemble de l’événement : ${all.participants} participants de ${nations} pays, présence ${sessionAttendance}.`;
    }
    return `${own.participants} of your people took part; attendance ${nation.attendance}. Across the event: ${all.participants} participants from ${nations} nations, attendance ${sessionAttendance}.`;
  }
  if (locale === 'ar') {
    return `من أصل ${own.participants} من ضباطكم، أتم الدورة ${own.completed}؛ نسبة الحضور ${nation.attendance}. على مستوى الدورة: ${all.participants} مشاركًا من ${nations} دول، أتم الدورة ${all.completed} (${rate})، نسبة الحضور ${sessionAttendance}.`;
  }
  if (locale === 'fr') {
    return `Sur vos ${own.participants} officiers, ${own.completed} ont terminé ; présence ${nation.attendance}. Sur l’ensemble de la session : ${all.participants} participants de ${nations} pays, ${all.completed} ont terminé (${rate}), présence ${sessionAttendance}.`;
  }
  return `Of your ${own.participants} officers, ${own.completed} completed; attendance ${nation.attendance}. Across the session: ${all.participants} participants from ${nations} nations, ${all.completed} completed (${rate}), attendance ${sessionAttendance}.`;
}

/**
 * The `results.report-to-nations` job: once a session's results are closed, each NPOC of each
 * nation with officers on it is told, in their language, with their officers' figures beside
 * the session's and a link to the report in the portal. Once per closing: the effect key names
 * the closing, so a retry sends nothing twice and a reopened-then-closed session is told again;
 * if results were reopened before the job ran, nothing is sent.
 */
export async function sendReportsToNations(
  db: Database,
  jobId: string,
  payload: { sessionId: string; closedAt: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const delivery = await q.selectDelivery(tx, payload.sessionId);
    if (delivery?.resultsClosedAt?.toISOString() !== payload.closedAt) return 0;
    if (!(await claimEffect(tx, `report-to-nations:${payload.sessionId}:${payload.closedAt}`))) {
      return 0;
    }
    const ctx = systemContext(tx, jobId);
    const code = await q.selectSessionCode(tx, payload.sessionId);
    if (!code) return 0;
    const { report } = await readReport(ctx, code);
    const link = `${publicUrl()}/sessions/${encodeURIComponent(code)}/nation-report`;
    const emails: EmailRequest[] = [];
    for (const nation of report.nations) {
      const officers = report.participants.filter((p) => p.nationCode === nation.nationCode);
      const figures = { counts: nation, attendance: attendanceOf(officers) };
      for (const npoc of await selectNationUsers(tx, nation.nationCode, 'npoc')) {
        const locale = asLocale(npoc.locale);
        const title = report.session.activityTitle;
        emails.push({
          event: 'nation-report',
          locale,
          to: npoc.email,
          userId: npoc.id,
          variables: {
            recipientName: npoc.displayName,
            nationName: nation.nationName[locale]?.trim() || nation.nationName.en,
            sessionCode: code,
            activityTitle: title[locale]?.trim() || title.en,
            dates: formatDays(report.session.startDate, report.session.endDate, locale),
            summary: reportSummary(report, figures, locale),
            link,
          },
        });
        await notifyUser(tx, npoc.id, {
          kind: 'nation-report',
          params: { sessionCode: code },
          link: `/sessions/${encodeURIComponent(code)}/nation-report`,
        });
      }
    }
    await queueEmails(tx, emails);
    return emails.length;
  });
}
