import { createHash } from 'node:crypto';
import type { Plan, PlanRunRequest } from '../../../contract/plans.js';
import { PlanRunRequest as PlanRunSchema } from '../../../contract/plans.js';
import { daysOf, type HijriOverrides, islamicHolidays } from '../../../domain/hijri-holidays.js';
import type { Delivery, FixedRun, PlanInput } from '../../../domain/plan-model.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit, SYSTEM_ACTOR_ID } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';
import { getPlan } from './service.js';
import { proposePlan, type SolveReport } from './solve.js';

/** Runs `work` in a transaction of its own and commits it (the route's or the CLI's). */
export type InTransaction = <T>(work: (ctx: ServiceContext) => Promise<T>) => Promise<T>;

type RunRequest = ReturnType<typeof PlanRunSchema.parse>;

const userOf = (ctx: ServiceContext) => (ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id);

function hijriOverrides(request: ReturnType<typeof PlanRunSchema.parse>): HijriOverrides {
  const out: HijriOverrides = {};
  for (const [year, o] of Object.entries(request.hijriOverrides)) out[Number(year)] = o;
  return out;
}

/** Everything the model needs for a year, read from the database. */
async function planInput(
  ctx: ServiceContext,
  year: number,
  request: ReturnType<typeof PlanRunSchema.parse>,
  locked: FixedRun[],
) {
  const lines = await q.selectDemandLines(ctx.tx, year);
  const fixedRows = await q.selectFixedSessions(ctx.tx, year);
  const ids = [
    ...new Set([
      ...lines.flatMap((l) => (l.activityId ? [l.activityId] : [])),
      ...fixedRows.map((f) => f.activityId),
      ...locked.map((l) => l.activityId),
    ]),
  ];
  const acts = await q.selectActivities(ctx.tx, ids);
  const staff = await q.selectStaff(ctx.tx, ids);
  const venueRows = await q.selectVenues(ctx.tx);
  const periods = request.observeIslamicHolidays
    ? islamicHolidays(year, { overrides: hijriOverrides(request) })
    : [];
  const blackout = daysOf(periods);
  const input: PlanInput = {
    year,
    minGapWeeks: request.minGapWeeks,
    activities: acts.map((a) => ({
      id: a.id,
      code: a.code,
      durationDays: a.durationDays,
      capacity: a.capacity,
      delivery: a.delivery as Delivery,
      disciplineCode: a.disciplineCode,
      staff: [...new Set(staff.filter((s) => s.activityId === a.id).map((s) => s.userId))].sort(),
    })),
    venues: venueRows.map((v) => ({
      code: v.code,
      kind: v.kind as 'centre' | 'city' | 'online',
      countryCode: v.countryCode,
      workingDays: v.workingDays,
      holidays: new Set(v.holidays.map((h) => h.date)),
      blackout,
      rooms: 1,
    })),
    demand: lines.flatMap((l) =>
      l.activityId
        ? [
            {
              lineId: l.lineId,
              programmeId: l.programmeId,
              nationCode: l.nationCode,
              activityId: l.activityId,
              seats: l.seats,
              priority: l.priority,
            },
          ]
        : [],
    ),
    fixed: [
      ...fixedRows.map((f) => ({
        key: `session:${f.id}`,
        activityId: f.activityId,
        venueCode: f.venueCode,
        startDate: f.startDate,
        endDate: f.endDate,
        capacity: f.capacity,
        staff: [f.directorId, ...f.instructorIds].filter((s): s is string => Boolean(s)),
        quotas: f.quotas,
      })),
      ...locked,
    ],
  };
  return { input, periods, codeOf: new Map(acts.map((a) => [a.id, a.code])) };
}

/** The inputs of a run as read in one transaction, with a fingerprint to tell if they changed. */
async function readRun(ctx: ServiceContext, year: number, request: RunRequest) {
  let locked: FixedRun[] = [];
  let basedOnId: string | null = null;
  if (request.basedOn !== undefined) {
    const base = await q.selectPlan(ctx.tx, year, request.basedOn);
    if (!base) throw notFound(`Version ${request.basedOn} of the ${year} plan`);
    basedOnId = base.id;
    locked = (await q.selectPlanSessions(ctx.tx, base.id))
      .filter((r) => r.session.locked && !r.session.existing)
      .map(({ session: s }) => ({
        key: `locked:${s.id}`,
        activityId: s.activityId,
        venueCode: s.venueCode,
        startDate: s.startDate,
        endDate: s.endDate,
        capacity: s.capacity,
        staff: [s.directorId, ...s.instructorIds].filter((x): x is string => Boolean(x)),
        quotas: {},
      }));
  }
  const read = await planInput(ctx, year, request, locked);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({ basedOnId, input: read.input }, (_key, value) =>
        value instanceof Set ? [...value].sort() : value,
      ),
    )
    .digest('hex');
  return { ...read, basedOnId, fingerprint };
}

/**
 * Proposes a new version of the year's plan, from the agreed programmes' seats, the sessions
 * already in the calendar and, when planned again from a version, that version's locked
 * sessions. Nothing reaches the calendar until a version is accepted.
 *
 * The solver may work for a minute, so it runs between two short transactions rather than in
 * one: the inputs are read in the first, and the second writes the version only if the same
 * reads still give the same inputs (else 409 `plan_inputs_changed`: plan again). Holding one
 * transaction open meanwhile would keep a pooled connection and the year's lock from everyone.
 */
export async function runPlan(
  inTransaction: InTransaction,
  year: number,
  body: PlanRunRequest,
): Promise<Plan> {
  const request = PlanRunSchema.parse(body);
  const before = await inTransaction((ctx) => readRun(ctx, year, request));
  const report = await proposePlan(before.input, { timeLimitSeconds: request.timeLimitSeconds });
  return inTransaction(async (ctx) => {
    const version = await q.nextVersion(ctx.tx, year);
    const now = await readRun(ctx, year, request);
    if (now.fingerprint !== before.fingerprint) {
      throw conflict(
        'plan_inputs_changed',
        `The ${year} plan's programmes, sessions, venues or locks changed while it was being solved; plan again.`,
      );
    }
    return saveRun(ctx, { year, version, request, read: before, report });
  });
}

/** Writes a solved run as a new version with its sessions, audited. */
async function saveRun(
  ctx: ServiceContext,
  run: {
    year: number;
    version: number;
    request: RunRequest;
    read: Awaited<ReturnType<typeof readRun>>;
    report: SolveReport;
  },
): Promise<Plan> {
  const { year, version, request, report } = run;
  const { periods, codeOf, basedOnId } = run.read;
  const keyName = new Map<string, string>();
  for (const r of report.runs)
    keyName.set(r.key, `${codeOf.get(r.activityId) ?? ''} ${r.startDate} ${r.venueCode}`);
  const summary = {
    seatsDemanded: report.seatsDemanded,
    seatsMet: report.seatsMet,
    method: report.method === 'mip' ? 'mip' : `decomposed (${report.parts} parts)`,
    solverStatus: report.status,
    solveMs: Math.round(report.solveMs),
    basedOn: request.basedOn ?? null,
    unmet: report.unmet.map((u) => ({ ...u, activityCode: codeOf.get(u.activityId) ?? '' })),
    conflicts: report.conflicts.map((c) => ({
      kind: c.kind,
      week: c.week,
      subject: c.subject,
      sessions: c.runs.map((k) => keyName.get(k) ?? k),
    })),
    islamicHolidays: periods.map((p) => ({
      kind: p.kind,
      from: p.from,
      to: p.to,
      confirmed: p.confirmed,
    })),
  };
  const plan = await q.insertPlan(ctx.tx, {
    year,
    version,
    basedOn: basedOnId,
    score: report.score,
    bound: report.bound,
    summary,
    createdBy: userOf(ctx),
  });
  await q.insertPlanSessions(
    ctx.tx,
    report.runs.map((r) => ({
      planId: plan.id,
      activityId: r.activityId,
      venueCode: r.venueCode,
      week: r.week,
      startDate: r.startDate,
      endDate: r.endDate,
      capacity: r.capacity,
      directorId: r.directorId,
      instructorIds: r.instructorIds,
      quotas: r.quotas,
      serves: r.serves,
      locked: r.key.startsWith('locked:'),
      existing: r.key.startsWith('session:'),
      sessionId: r.key.startsWith('session:') ? r.key.slice('session:'.length) : null,
    })),
  );
  const result = await getPlan(ctx, year, version);
  await recordAudit(ctx, {
    action: 'plan.proposed',
    entityType: 'plan',
    entityId: plan.id,
    after: {
      year,
      version,
      score: result.score,
      bound: result.bound,
      sessions: result.sessions.length,
    },
  });
  return result;
}
