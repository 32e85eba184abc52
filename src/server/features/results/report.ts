import type { ActivityType } from '../../../contract/catalogue.js';
import type { ResultStatus } from '../../../contract/delivery.js';
import type {
  ParticipantResult,
  ReportCommentsInput,
  ResultCounts,
  SessionReport,
} from '../../../contract/results.js';
import { rulesOfType } from '../../../domain/activity-kinds.js';
import { DEFAULT_COMPLETION_PERCENT } from '../../../domain/completion.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectInstructors, selectUserName } from '../sessions/queries.js';
import { type LoadedSession, loadSessionFor } from './access.js';
import { marksByNomination } from './presenters.js';
import * as q from './queries.js';
import { countInvited, selectResponses, selectTemplates } from './report-queries.js';
import { participantResults } from './service.js';

type Level1 = NonNullable<SessionReport['evaluation']['level1']>;

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

const mean = (values: readonly number[]) =>
  values.length > 0
    ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
    : null;

function emptyCounts(): ResultCounts {
  return {
    participants: 0,
    completed: 0,
    'partially-attended': 0,
    failed: 0,
    'no-show': 0,
    withdrawn: 0,
    unconfirmed: 0,
  };
}

function count(into: ResultCounts, status: ResultStatus | null) {
  into.participants += 1;
  into[status ?? 'unconfirmed'] += 1;
}

/** Present, absent, excused and unmarked per working day held so far, over those not withdrawn. */
async function attendanceByDay(
  ctx: ServiceContext,
  heldDays: readonly string[],
  participants: readonly ParticipantResult[],
): Promise<SessionReport['attendance']> {
  const expected = participants.filter((p) => p.nominationStatus !== 'withdrawn');
  const marks = marksByNomination(
    await q.selectMarks(
      ctx.tx,
      expected.map((p) => p.nominationId),
    ),
    heldDays,
  );
  let present = 0;
  const days = heldDays.map((day) => {
    const row = { day, present: 0, absent: 0, excused: 0, unmarked: 0 };
    for (const p of expected) {
      const status = marks.get(p.nominationId)?.get(day);
      row[status ?? 'unmarked'] += 1;
    }
    present += row.present;
    return { ...row, rate: percent(row.present, expected.length) };
  });
  return { days, rate: percent(present, expected.length * heldDays.length) };
}

/** The level-1 response rate and the mean of each 1-5 question, read from the answers. */
async function level1Summary(
  ctx: ServiceContext,
  loaded: LoadedSession,
): Promise<SessionReport['evaluation']['level1']> {
  const sessionId = loaded.row.session.id;
  const invited = await countInvited(ctx.tx, sessionId, 1);
  const responses = await selectResponses(ctx.tx, sessionId, 1);
  if (!loaded.evaluationLevels.includes(1) && invited === 0 && responses.length === 0) return null;
  const templates = await selectTemplates(ctx.tx, [...new Set(responses.map((r) => r.templateId))]);
  const questions: Level1['questions'] = [];
  for (const template of templates) {
    for (const question of template.questions) {
      if (question.kind !== 'scale') continue;
      const values = responses
        .filter((r) => r.templateId === template.id)
        .map((r) => r.answers[question.id])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      questions.push({
        id: question.id,
        text: question.text,
        answers: values.length,
        mean: mean(values),
      });
    }
  }
  return {
    invited,
    responses: responses.length,
    responseRate: percent(responses.length, invited),
    questions,
  };
}

function level2Summary(
  loaded: LoadedSession,
  participants: readonly ParticipantResult[],
): SessionReport['evaluation']['level2'] {
  if (!loaded.evaluationLevels.includes(2)) return null;
  const pre = participants.map((p) => p.preTestScore).filter((v): v is number => v !== null);
  const post = participants.map((p) => p.postTestScore).filter((v): v is number => v !== null);
  return { scored: post.length, meanPre: mean(pre), meanPost: mean(post) };
}

/**
 * The post-course report: participants by nation and result, attendance per day, the
 * evaluation summary and the course director's comments. A nation-scoped reader (an observer
 * of one nation) sees their nation's participants only; survey figures are session-wide
 * aggregates that name nobody.
 */
export async function getReport(
  ctx: ServiceContext,
  code: string,
  now = new Date(),
): Promise<SessionReport> {
  return (await readReport(ctx, code, now)).report;
}

/**
 * The report to a participating nation: an NPOC reads their own officers' results and
 * attendance with the session-wide figures; an NPOC whose nation had nobody on it gets 404.
 */
export async function getNationReport(ctx: ServiceContext, code: string): Promise<SessionReport> {
  return (await readReport(ctx, code, new Date(), 'nation')).report;
}

/** A participant of an activity without results: their attendance, no status or score. */
function attendanceOnly(p: ParticipantResult): ParticipantResult {
  return {
    ...p,
    proposed: null,
    status: p.nominationStatus === 'withdrawn' ? 'withdrawn' : null,
    preTestScore: null,
    postTestScore: null,
  };
}

/** Completed share of those not withdrawn, percent. */
function completionRate(counts: ResultCounts): number | null {
  return percent(counts.completed, counts.participants - counts.withdrawn);
}

/** The whole session's counts and rates, for a reader who sees one nation's people only. */
async function sessionWideFigures(
  ctx: ServiceContext,
  loaded: LoadedSession,
  completionPercent: number,
  now: Date,
): Promise<SessionReport['sessionWide']> {
  const all = { ...ctx, actor: { ...ctx.actor, scope: { kind: 'all' as const } } };
  const read = await participantResults(all, loaded, completionPercent, now);
  const { heldDays } = read;
  const resultsApply = rulesOfType(loaded.row.activity.type as ActivityType).results;
  const participants = resultsApply ? read.participants : read.participants.map(attendanceOnly);
  const totals = emptyCounts();
  for (const p of participants) count(totals, p.status);
  return {
    totals,
    nations: new Set(participants.map((p) => p.nationCode)).size,
    completionRate: resultsApply ? completionRate(totals) : null,
    attendanceRate: (await attendanceByDay(all, heldDays, participants)).rate,
  };
}

/** The report and the id of its session, which the PDF's audit record names. */
export async function readReport(
  ctx: ServiceContext,
  code: string,
  now = new Date(),
  purpose: 'read' | 'nation' = 'read',
): Promise<{ sessionId: string; report: SessionReport }> {
  const loaded = await loadSessionFor(ctx, code, purpose);
  const { session, activity, venue } = loaded.row;
  const delivery = await q.selectDelivery(ctx.tx, session.id);
  const completionPercent = delivery?.completionPercent ?? DEFAULT_COMPLETION_PERCENT;
  const resultsApply = rulesOfType(activity.type as ActivityType).results;
  const read = await participantResults(ctx, loaded, completionPercent, now);
  const { heldDays } = read;
  // An event is attended, not passed: nothing of results is read, only who came on which day.
  const participants = resultsApply ? read.participants : read.participants.map(attendanceOnly);

  const totals = emptyCounts();
  const byNation = new Map<string, ResultCounts>();
  for (const p of participants) {
    count(totals, p.status);
    const nation = byNation.get(p.nationCode) ?? emptyCounts();
    count(nation, p.status);
    byNation.set(p.nationCode, nation);
  }
  const names = await q.selectNationNames(ctx.tx, [...byNation.keys()]);
  const instructors = await selectInstructors(ctx.tx, session.id);

  const report: SessionReport = {
    session: {
      code: session.code,
      activityCode: activity.code,
      activityTitle: activity.title,
      status: session.status as SessionReport['session']['status'],
      startDate: session.startDate,
      endDate: session.endDate,
      venueName: venue.name,
      directorName: session.directorId ? await selectUserName(ctx.tx, session.directorId) : null,
      instructorNames: instructors.map((i) => i.displayName),
      evaluationLevels: [...loaded.evaluationLevels].sort(),
    },
    generatedAt: now.toISOString(),
    resultsApply,
    completionPercent,
    closed: Boolean(delivery?.resultsClosedAt),
    scopedToNation: ctx.actor.scope.kind === 'nation' ? ctx.actor.scope.nationCode : null,
    sessionWide:
      ctx.actor.scope.kind === 'nation'
        ? await sessionWideFigures(ctx, loaded, completionPercent, now)
        : null,
    totals,
    nations: [...byNation].map(([nationCode, counts]) => ({
      nationCode,
      nationName: names.get(nationCode) ?? { en: nationCode },
      ...counts,
    })),
    participants: participants.map((p) => ({
      nominationId: p.nominationId,
      name: p.name,
      nationCode: p.nationCode,
      rankTitle: p.rankTitle,
      attendance: p.attendance,
      proposed: p.proposed?.status ?? null,
      status: p.status,
      preTestScore: p.preTestScore,
      postTestScore: p.postTestScore,
    })),
    attendance: await attendanceByDay(ctx, heldDays, participants),
    evaluation: {
      level1: await level1Summary(ctx, loaded),
      level2: resultsApply ? level2Summary(loaded, participants) : null,
    },
    directorComments: delivery?.directorComments ?? null,
    canEditComments: loaded.manages,
  };
  return { sessionId: session.id, report };
}

/** The course director's (or the centre's) comments on the report; empty text clears them. */
export async function setReportComments(
  ctx: ServiceContext,
  code: string,
  input: ReportCommentsInput,
): Promise<SessionReport> {
  const loaded = await loadSessionFor(ctx, code, 'manage');
  const delivery = await q.lockDelivery(ctx.tx, loaded.row.session.id);
  const text = input.text.trim() || null;
  if (text !== delivery.directorComments) {
    await q.updateDelivery(ctx.tx, loaded.row.session.id, { directorComments: text });
    await recordAudit(ctx, {
      action: 'report.comments-changed',
      entityType: 'session',
      entityId: loaded.row.session.id,
      before: { directorComments: delivery.directorComments },
      after: { directorComments: text },
    });
  }
  return getReport(ctx, code);
}
