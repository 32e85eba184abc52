import type { Plan, PlanComparison, PlanDemand, PlanSession } from '../../../contract/plans.js';
import { addDays } from '../../../domain/venue-calendar.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit, SYSTEM_ACTOR_ID } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import * as q from './queries.js';

const userOf = (ctx: ServiceContext) => (ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id);
const titleOf = (t: { en?: string } | null | undefined) => t?.en ?? '';

/** The year's planned seats per activity and nation, with priorities and fixed sessions. */
export async function getDemand(ctx: ServiceContext, year: number): Promise<PlanDemand> {
  const lines = await q.selectDemandLines(ctx.tx, year);
  const catalogued = lines.filter(
    (l): l is typeof l & { activityId: string } => l.activityId !== null,
  );
  const acts = await q.selectActivities(ctx.tx, [...new Set(catalogued.map((l) => l.activityId))]);
  const fixed = await q.selectFixedSessions(ctx.tx, year);
  const codeOf = new Map(acts.map((a) => [a.id, a.code]));
  const cells = new Map<string, PlanDemand['cells'][number]>();
  for (const l of catalogued) {
    const key = `${l.activityId}|${l.nationCode}`;
    const cell = cells.get(key) ?? {
      activityCode: codeOf.get(l.activityId) ?? '',
      nationCode: l.nationCode,
      seats: 0,
      priority: l.priority,
      lines: [],
    };
    cell.seats += l.seats;
    cell.priority = Math.min(cell.priority, l.priority);
    cell.lines.push({
      lineId: l.lineId,
      programmeId: l.programmeId,
      seats: l.seats,
      priority: l.priority,
    });
    cells.set(key, cell);
  }
  const nationSeats = new Map<string, number>();
  for (const c of cells.values())
    nationSeats.set(c.nationCode, (nationSeats.get(c.nationCode) ?? 0) + c.seats);
  return {
    year,
    activities: acts.map((a) => ({
      code: a.code,
      title: titleOf(a.title),
      seats: [...cells.values()]
        .filter((c) => c.activityCode === a.code)
        .reduce((s, c) => s + c.seats, 0),
      fixedSessions: fixed
        .filter((f) => f.activityId === a.id)
        .map((f) => ({
          code: f.code,
          startDate: f.startDate,
          endDate: f.endDate,
          capacity: f.capacity,
        })),
    })),
    nations: [...nationSeats].sort().map(([code, seats]) => ({ code, seats })),
    cells: [...cells.values()].sort(
      (a, b) =>
        a.activityCode.localeCompare(b.activityCode) || a.nationCode.localeCompare(b.nationCode),
    ),
    totalSeats: catalogued.reduce((s, l) => s + l.seats, 0),
    freeTextLines: lines.length - catalogued.length,
  };
}

type Stored = {
  seatsDemanded: number;
  seatsMet: number;
  method: string;
  solverStatus: string;
  solveMs: number;
  basedOn: number | null;
  unmet: Plan['unmet'];
  conflicts: Plan['conflicts'];
  islamicHolidays: Plan['islamicHolidays'];
};

function summaryOf(row: NonNullable<Awaited<ReturnType<typeof q.selectPlan>>>) {
  const s = row.summary as Stored;
  return {
    year: row.year,
    version: row.version,
    status: row.status as Plan['status'],
    basedOn: s.basedOn,
    score: row.score,
    bound: row.bound,
    seatsDemanded: s.seatsDemanded,
    seatsMet: s.seatsMet,
    method: s.method,
    solverStatus: s.solverStatus,
    solveMs: s.solveMs,
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

function presentSession(r: q.PlanSessionRow): PlanSession {
  const s = r.session;
  return {
    id: s.id,
    activityCode: r.activityCode,
    venueCode: s.venueCode,
    week: s.week,
    startDate: s.startDate,
    endDate: s.endDate,
    capacity: s.capacity,
    directorId: s.directorId,
    instructorIds: s.instructorIds,
    quotas: s.quotas,
    serves: s.serves as PlanSession['serves'],
    locked: s.locked,
    existing: s.existing,
    sessionCode: r.sessionCode,
  };
}

export async function listPlans(ctx: ServiceContext, year: number) {
  return { items: (await q.selectPlans(ctx.tx, year)).map(summaryOf) };
}

async function loadPlan(ctx: ServiceContext, year: number, version: number, lock = false) {
  const row = await q.selectPlan(ctx.tx, year, version, lock);
  if (!row) throw notFound(`Version ${version} of the ${year} plan`);
  return row;
}

/** One version: its sessions, what it left unmet and why, the conflicts among fixed sessions. */
export async function getPlan(ctx: ServiceContext, year: number, version: number): Promise<Plan> {
  const row = await loadPlan(ctx, year, version);
  const s = row.summary as Stored;
  return {
    ...summaryOf(row),
    sessions: (await q.selectPlanSessions(ctx.tx, row.id)).map(presentSession),
    unmet: s.unmet,
    conflicts: s.conflicts,
    islamicHolidays: s.islamicHolidays,
  };
}

/** Locks a proposed session where it is (or frees it) for the next run from this version. */
export async function lockPlanSession(
  ctx: ServiceContext,
  year: number,
  version: number,
  sessionId: string,
  locked: boolean,
): Promise<PlanSession> {
  const plan = await loadPlan(ctx, year, version, true);
  if (plan.status === 'accepted') {
    throw conflict('plan_already_accepted', `Version ${version} of the ${year} plan is accepted.`);
  }
  const row = await q.updatePlanSession(ctx.tx, plan.id, sessionId, { locked });
  if (!row) throw notFound('The plan session');
  await recordAudit(ctx, {
    action: locked ? 'plan.session-locked' : 'plan.session-unlocked',
    entityType: 'plan',
    entityId: plan.id,
    after: { sessionId, locked },
  });
  const found = (await q.selectPlanSessions(ctx.tx, plan.id)).find(
    (r) => r.session.id === sessionId,
  );
  if (!found) throw notFound('The plan session');
  return presentSession(found);
}

/** What moved between two versions, and which nation gains or loses seats. */
export async function comparePlans(
  ctx: ServiceContext,
  year: number,
  from: number,
  to: number,
): Promise<PlanComparison> {
  const [a, b] = [await getPlan(ctx, year, from), await getPlan(ctx, year, to)];
  const byActivity = (p: Plan) => {
    const m = new Map<string, PlanSession[]>();
    for (const s of p.sessions) m.set(s.activityCode, [...(m.get(s.activityCode) ?? []), s]);
    return m;
  };
  const [ma, mb] = [byActivity(a), byActivity(b)];
  const out: PlanComparison = { year, from, to, added: [], removed: [], moved: [], nations: [] };
  for (const code of [...new Set([...ma.keys(), ...mb.keys()])].sort()) {
    const left = [...(ma.get(code) ?? [])];
    const right = [...(mb.get(code) ?? [])];
    const same = (x: PlanSession, y: PlanSession) =>
      x.venueCode === y.venueCode && x.startDate === y.startDate;
    const restL = left.filter((x) => !right.some((y) => same(x, y)));
    const restR = right.filter((y) => !left.some((x) => same(x, y)));
    const pairs = Math.min(restL.length, restR.length);
    for (let i = 0; i < pairs; i += 1) {
      const x = restL[i] as PlanSession;
      const y = restR[i] as PlanSession;
      out.moved.push({
        activityCode: code,
        from: { venueCode: x.venueCode, startDate: x.startDate },
        to: { venueCode: y.venueCode, startDate: y.startDate },
      });
    }
    for (const x of restL.slice(pairs))
      out.removed.push({ activityCode: code, venueCode: x.venueCode, startDate: x.startDate });
    for (const y of restR.slice(pairs))
      out.added.push({ activityCode: code, venueCode: y.venueCode, startDate: y.startDate });
  }
  const seats = (p: Plan) => {
    const m = new Map<string, number>();
    for (const s of p.sessions)
      for (const [n, k] of Object.entries(s.quotas)) m.set(n, (m.get(n) ?? 0) + k);
    return m;
  };
  const [sa, sb] = [seats(a), seats(b)];
  out.nations = [...new Set([...sa.keys(), ...sb.keys()])].sort().map((n) => ({
    nationCode: n,
    from: sa.get(n) ?? 0,
    to: sb.get(n) ?? 0,
    change: (sb.get(n) ?? 0) - (sa.get(n) ?? 0),
  }));
  return out;
}

const sessionCodeOf = (activityCode: string, year: number, version: number, k: number) =>
  `${activityCode
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, '-')
    .slice(0, 30)}-${String(year % 100).padStart(2, '0')}P${version}-${k}`;

/**
 * Accepts a version: each proposed session becomes a draft session in the calendar with its
 * quotas, director and instructors, all in this one transaction and audited. Drafts are seen by
 * nobody outside the centre until the registrar announces them (here at once, if asked).
 */
export async function acceptPlan(
  ctx: ServiceContext,
  year: number,
  version: number,
  { announce = false }: { announce?: boolean } = {},
) {
  const plan = await loadPlan(ctx, year, version, true);
  const accepted = (await q.selectPlans(ctx.tx, year)).find((p) => p.status === 'accepted');
  if (accepted) {
    throw conflict(
      'plan_already_accepted',
      `Version ${accepted.version} of the ${year} plan is already accepted.`,
    );
  }
  const rows = await q.selectPlanSessions(ctx.tx, plan.id);
  const created: { code: string; activityCode: string; startDate: string }[] = [];
  let k = 0;
  for (const r of rows) {
    const s = r.session;
    if (s.existing) continue;
    k += 1;
    const code = sessionCodeOf(r.activityCode, year, version, k);
    const session = await createSession(ctx, {
      code,
      activityCode: r.activityCode,
      startDate: s.startDate,
      endDate: s.endDate,
      venueCode: s.venueCode,
      capacity: s.capacity,
      nominationOpens: addDays(s.startDate, -90),
      nominationCloses: addDays(s.startDate, -30),
      quotas: Object.entries(s.quotas).map(([nationCode, seats]) => ({ nationCode, seats })),
      directorId: s.directorId,
      instructorIds: s.instructorIds,
      confirmStaffConflicts: true,
    });
    await q.updatePlanSession(ctx.tx, plan.id, s.id, { sessionId: session.id });
    // Announced at once when the registrar chose so: the nations see their quotas today.
    if (announce) await transitionSession(ctx, code, { to: 'announced' });
    created.push({ code, activityCode: r.activityCode, startDate: s.startDate });
  }
  await q.markAccepted(ctx.tx, plan.id, year, userOf(ctx));
  await recordAudit(ctx, {
    action: 'plan.accepted',
    entityType: 'plan',
    entityId: plan.id,
    after: { year, version, announce, sessions: created.map((c) => c.code) },
  });
  return { year, version, announced: announce, sessions: created };
}
