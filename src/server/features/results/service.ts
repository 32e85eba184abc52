import type { ActivityType } from '../../../contract/catalogue.js';
import type {
  CompletionRuleInput,
  ConfirmResultsInput,
  ParticipantResult,
  ReopenResultsInput,
  SessionResults,
} from '../../../contract/results.js';
import { kindOf, rulesOfType } from '../../../domain/activity-kinds.js';
import { daysHeld } from '../../../domain/attendance.js';
import { DEFAULT_COMPLETION_PERCENT } from '../../../domain/completion.js';
import type { FieldProblem } from '../../../domain/field-problem.js';
import { dateIn } from '../../../domain/venue-calendar.js';
import { AppError, conflict } from '../../http/errors.js';
import { enqueueJob } from '../../jobs/enqueue.js';
import { recordAudit, SYSTEM_ACTOR_ID } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { selectUserName } from '../sessions/queries.js';
import { type LoadedSession, loadSessionFor } from './access.js';
import { marksByNomination, presentParticipantResult } from './presenters.js';
import * as q from './queries.js';

const DELIVERED = ['in-progress', 'completed'];

/**
 * Every participant's row within the reader's scope, with the rule's proposal, over the days the
 * session has held by `now` at the venue: a running course proposes nothing for days to come.
 */
export async function participantResults(
  ctx: ServiceContext,
  loaded: LoadedSession,
  completionPercent: number,
  now = new Date(),
): Promise<{ participants: ParticipantResult[]; heldDays: string[] }> {
  const { session, venue } = loaded.row;
  const rows = await q.selectParticipants(ctx.tx, session.id, ctx.actor.scope);
  const stored = await q.selectMarks(
    ctx.tx,
    rows.map((r) => r.nominationId),
  );
  const heldDays = daysHeld(loaded.workingDays, dateIn(now, venue.timeZone), {
    completed: session.status === 'completed',
    markedDays: new Set(stored.map((m) => m.day)),
  });
  const marks = marksByNomination(stored, heldDays);
  const days = { held: heldDays.length, toCome: loaded.workingDays.length - heldDays.length };
  const usesLevel2 = loaded.evaluationLevels.includes(2);
  return {
    participants: rows.map((row) =>
      presentParticipantResult(row, marks, days, completionPercent, usesLevel2),
    ),
    heldDays,
  };
}

async function present(ctx: ServiceContext, loaded: LoadedSession): Promise<SessionResults> {
  const { session, activity, venue } = loaded.row;
  const delivery = await q.selectDelivery(ctx.tx, session.id);
  const completionPercent = delivery?.completionPercent ?? DEFAULT_COMPLETION_PERCENT;
  const { participants, heldDays } = await participantResults(ctx, loaded, completionPercent);
  const closedAt = delivery?.resultsClosedAt ?? null;
  return {
    sessionCode: session.code,
    activityCode: activity.code,
    activityTitle: activity.title,
    activityKind: kindOfLoaded(loaded),
    resultsApply: rulesOfType(activity.type as ActivityType).results,
    sessionStatus: session.status as SessionResults['sessionStatus'],
    startDate: session.startDate,
    endDate: session.endDate,
    workingDays: loaded.workingDays,
    heldDays,
    completionPercent,
    usesLevel2: loaded.evaluationLevels.includes(2),
    closed: closedAt !== null,
    closedAt: closedAt?.toISOString() ?? null,
    timeZone: venue.timeZone,
    closedByName:
      closedAt && delivery?.resultsClosedBy
        ? await selectUserName(ctx.tx, delivery.resultsClosedBy)
        : null,
    delivered: DELIVERED.includes(session.status),
    unconfirmed: participants.filter((p) => p.status === null).length,
    participants,
  };
}

const kindOfLoaded = (loaded: LoadedSession) => kindOf(loaded.row.activity.type as ActivityType);

/**
 * Only a course has results: an event, a visit or an exercise is attended, and its certificate
 * (if any) reads attendance from the roster (src/domain/activity-kinds.ts).
 */
function assertResultsApply(loaded: LoadedSession) {
  const { activity, session } = loaded.row;
  if (rulesOfType(activity.type as ActivityType).results) return;
  throw conflict(
    'results_not_applicable',
    `${session.code} is a session of ${activity.code}, a ${activity.type}: it has no results to record.`,
  );
}

/** A session's results for its course director or the centre. */
export async function getResults(ctx: ServiceContext, code: string): Promise<SessionResults> {
  return present(ctx, await loadSessionFor(ctx, code, 'manage'));
}

/**
 * Locks the session's delivery row (the one row every results change and every attendance mark
 * agree on), refusing once results are closed.
 */
async function openForChanges(ctx: ServiceContext, code: string) {
  const loaded = await loadSessionFor(ctx, code, 'manage');
  assertResultsApply(loaded);
  const delivery = await q.lockDelivery(ctx.tx, loaded.row.session.id);
  if (delivery.resultsClosedAt) {
    throw conflict(
      'results_closed',
      `The results of ${code} are closed; a registrar can reopen them with a reason.`,
    );
  }
  return { loaded, delivery };
}

/** Sets the share of days a participant must attend to complete, 50-100%. */
export async function setCompletionRule(
  ctx: ServiceContext,
  code: string,
  input: CompletionRuleInput,
): Promise<SessionResults> {
  const { loaded, delivery } = await openForChanges(ctx, code);
  if (delivery.completionPercent !== input.completionPercent) {
    await q.updateDelivery(ctx.tx, loaded.row.session.id, {
      completionPercent: input.completionPercent,
    });
    await recordAudit(ctx, {
      action: 'results.rule-changed',
      entityType: 'session',
      entityId: loaded.row.session.id,
      before: { completionPercent: delivery.completionPercent },
      after: { completionPercent: input.completionPercent },
    });
  }
  return present(ctx, loaded);
}

function notDelivered(code: string, status: string) {
  return conflict(
    'session_not_delivered',
    `The session ${code} is ${status}; results are recorded once it is in progress or completed.`,
  );
}

/**
 * Confirms (or changes) participants' statuses and level-2 scores, and copies each status to
 * the nomination, which training history and prerequisite checks read. Every entry is checked
 * before anything is written.
 */
export async function confirmResults(
  ctx: ServiceContext,
  code: string,
  input: ConfirmResultsInput,
): Promise<SessionResults> {
  const { loaded, delivery } = await openForChanges(ctx, code);
  const { session } = loaded.row;
  if (!DELIVERED.includes(session.status)) throw notDelivered(code, session.status);
  // The whole session, whatever the reader's scope: a director confirms for every nation.
  const { participants: current } = await participantResults(
    { ...ctx, actor: { ...ctx.actor, scope: { kind: 'all' } } },
    loaded,
    delivery.completionPercent,
  );
  const byId = new Map(current.map((p) => [p.nominationId, p]));
  const usesLevel2 = loaded.evaluationLevels.includes(2);
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  input.results.forEach((entry, i) => {
    const field = `results.${i}`;
    if (seen.has(entry.nominationId)) {
      problems.push({
        field: `${field}.nominationId`,
        message: 'appears twice',
        code: 'duplicate',
      });
    }
    seen.add(entry.nominationId);
    if (!byId.has(entry.nominationId)) {
      problems.push({
        field: `${field}.nominationId`,
        message: `is not a participant of ${code}`,
        code: 'not_a_participant',
      });
    }
    for (const key of ['preTestScore', 'postTestScore'] as const) {
      if (!usesLevel2 && entry[key] !== undefined && entry[key] !== null) {
        problems.push({
          field: `${field}.${key}`,
          message: 'the activity does not use level-2 tests',
          code: 'level2_not_used',
        });
      }
    }
  });
  if (problems.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );
  }

  const stored = new Map(
    (await q.selectResultRows(ctx.tx, [...seen])).map((r) => [r.nominationId, r]),
  );
  const now = new Date();
  for (const entry of input.results) {
    const participant = byId.get(entry.nominationId);
    if (!participant) continue;
    const before = stored.get(entry.nominationId);
    const keep = (key: 'preTestScore' | 'postTestScore') =>
      entry[key] === undefined
        ? (before?.[key] ?? null)
        : entry[key] === null
          ? null
          : String(entry[key]);
    const after = {
      status: entry.status,
      preTestScore: keep('preTestScore'),
      postTestScore: keep('postTestScore'),
    };
    const unchanged =
      before?.status === after.status &&
      Number(before?.preTestScore ?? -1) === Number(after.preTestScore ?? -1) &&
      Number(before?.postTestScore ?? -1) === Number(after.postTestScore ?? -1);
    if (unchanged) continue;
    await q.saveResult(ctx.tx, {
      nominationId: entry.nominationId,
      proposedStatus: participant.proposed?.status ?? null,
      ...after,
      confirmedBy: ctx.actor.id,
      confirmedAt: now,
    });
    await recordAudit(ctx, {
      action: 'result.confirmed',
      entityType: 'nomination',
      entityId: entry.nominationId,
      before: before
        ? {
            status: before.status,
            preTestScore: before.preTestScore,
            postTestScore: before.postTestScore,
          }
        : null,
      after: { ...after, proposed: participant.proposed, session: code },
    });
  }
  return present(ctx, loaded);
}

/**
 * Freezes the results: later changes are refused until a registrar reopens them. Every
 * participant must have a confirmed status first; the refusal names those who do not.
 */
export async function closeResults(ctx: ServiceContext, code: string): Promise<SessionResults> {
  const { loaded, delivery } = await openForChanges(ctx, code);
  const { session } = loaded.row;
  if (!DELIVERED.includes(session.status)) throw notDelivered(code, session.status);
  const { participants: all } = await participantResults(
    { ...ctx, actor: { ...ctx.actor, scope: { kind: 'all' } } },
    loaded,
    delivery.completionPercent,
  );
  const unconfirmed = all.filter((p) => p.status === null);
  if (unconfirmed.length > 0) {
    throw new AppError(
      409,
      'results_unconfirmed',
      `${unconfirmed.length} participant(s) of ${code} have no confirmed status yet: ${unconfirmed.map((p) => p.name.latin).join('; ')}.`,
      undefined,
      undefined,
      {
        unconfirmed: unconfirmed.map((p) => ({
          nominationId: p.nominationId,
          name: p.name,
          nationCode: p.nationCode,
        })),
      },
    );
  }
  const closedAt = new Date();
  await q.updateDelivery(ctx.tx, session.id, {
    resultsClosedAt: closedAt,
    resultsClosedBy: ctx.actor.id,
  });
  // The report goes to each participating nation's NPOCs once this closing commits.
  await enqueueJob(
    ctx.tx,
    'results.report-to-nations',
    { sessionId: session.id, closedAt: closedAt.toISOString() },
    { jobKey: `report-to-nations:${session.id}` },
  );
  await recordAudit(ctx, {
    action: 'results.closed',
    entityType: 'session',
    entityId: session.id,
    before: { closed: false },
    after: {
      closed: true,
      closedAt: closedAt.toISOString(),
      results: all.map((p) => ({ nominationId: p.nominationId, status: p.status })),
    },
  });
  return present(ctx, loaded);
}

/**
 * An activity without results (an event, an exercise, a visit) has nothing to confirm: once its
 * session is marked completed, its attendance is closed as a course's results are, and each
 * participating nation's NPOC gets the report (attendance only) as after a course's closing.
 */
export async function closeAttendanceOnCompletion(
  ctx: ServiceContext,
  session: { id: string },
  activityType: ActivityType,
): Promise<void> {
  if (rulesOfType(activityType).results) return;
  const delivery = await q.lockDelivery(ctx.tx, session.id);
  if (delivery.resultsClosedAt) return;
  const closedAt = new Date();
  await q.updateDelivery(ctx.tx, session.id, {
    resultsClosedAt: closedAt,
    resultsClosedBy: ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id,
  });
  await enqueueJob(
    ctx.tx,
    'results.report-to-nations',
    { sessionId: session.id, closedAt: closedAt.toISOString() },
    { jobKey: `report-to-nations:${session.id}` },
  );
  await recordAudit(ctx, {
    action: 'results.closed',
    entityType: 'session',
    entityId: session.id,
    before: { closed: false },
    after: { closed: true, closedAt: closedAt.toISOString(), attendanceOnly: true },
  });
}

/** Opens closed results again for changes; only the centre may, and it must say why. */
export async function reopenResults(
  ctx: ServiceContext,
  code: string,
  input: ReopenResultsInput,
): Promise<SessionResults> {
  const loaded = await loadSessionFor(ctx, code, 'manage');
  const { session } = loaded.row;
  const delivery = await q.lockDelivery(ctx.tx, session.id);
  if (!delivery.resultsClosedAt) {
    throw conflict('results_not_closed', `The results of ${code} are not closed.`);
  }
  await q.updateDelivery(ctx.tx, session.id, { resultsClosedAt: null, resultsClosedBy: null });
  await recordAudit(ctx, {
    action: 'results.reopened',
    entityType: 'session',
    entityId: session.id,
    before: {
      closed: true,
      closedAt: delivery.resultsClosedAt.toISOString(),
      closedBy: delivery.resultsClosedBy,
    },
    after: { closed: false, reason: input.reason },
  });
  return present(ctx, loaded);
}
