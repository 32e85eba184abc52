import type {
  Plan,
  PlanAddRequest,
  PlanMoveRequest,
  PlanSession,
} from '../../../contract/plans.js';
import { daysOf, type IslamicPeriod } from '../../../domain/hijri-holidays.js';
import { runSlot } from '../../../domain/plan-calendar.js';
import { type Delivery, venuesFor } from '../../../domain/plan-model.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';
import { getPlan } from './service.js';

/** A version the registrar may still change: it exists and is not accepted. */
async function openPlan(ctx: ServiceContext, year: number, version: number) {
  const plan = await q.selectPlan(ctx.tx, year, version, true);
  if (!plan) throw notFound(`Version ${version} of the ${year} plan`);
  if (plan.status === 'accepted') {
    throw conflict('plan_already_accepted', `Version ${version} of the ${year} plan is accepted.`);
  }
  return plan;
}

const unavailable = (detail: string) => new AppError(409, 'plan_week_unavailable', detail);

/**
 * Where a run of the activity starts and ends in that week at that venue, by the same rule the
 * planner follows (the venue's working week and holidays, Ramadan and the Eids the version kept
 * clear, no run split around a closed day): a hand-placed run is as valid as a planned one.
 */
async function slotFor(
  ctx: ServiceContext,
  plan: { year: number; summary: unknown },
  activity: { code: string; durationDays: number; capacity: number; delivery: string },
  venueCode: string,
  week: number,
) {
  const venueRows = await q.selectVenues(ctx.tx);
  const venues = venueRows.map((v) => ({
    code: v.code,
    kind: v.kind as 'centre' | 'city' | 'online',
    countryCode: v.countryCode,
    workingDays: v.workingDays,
    holidays: new Set(v.holidays.map((h) => h.date)),
    blackout: daysOf((plan.summary as { islamicHolidays?: IslamicPeriod[] }).islamicHolidays ?? []),
    rooms: 1,
  }));
  const index = venues.findIndex((v) => v.code === venueCode);
  if (index < 0) throw invalid('venueCode', 'is not a venue', 'unknown_venue');
  const allowed = venuesFor(
    {
      id: '',
      code: activity.code,
      durationDays: activity.durationDays,
      capacity: activity.capacity,
      delivery: activity.delivery as Delivery,
      disciplineCode: '',
      staff: [],
    },
    venues,
  );
  if (!allowed.includes(index)) {
    throw unavailable(`${activity.code} is not delivered at ${venueCode}.`);
  }
  const slot = runSlot(plan.year, week, activity.durationDays, venues[index] as (typeof venues)[0]);
  if (!slot) {
    throw unavailable(`${activity.code} does not fit week ${week} at ${venueCode}.`);
  }
  return slot;
}

function found(sessions: PlanSession[], id: string) {
  const session = sessions.find((s) => s.id === id);
  if (!session) throw notFound('The plan session');
  return session;
}

/**
 * Moves a proposed session to another week (and venue), checked as the planner would; it is
 * locked there, so planning again from this version keeps it.
 */
export async function movePlanSession(
  ctx: ServiceContext,
  year: number,
  version: number,
  sessionId: string,
  request: PlanMoveRequest,
): Promise<PlanSession> {
  const plan = await openPlan(ctx, year, version);
  const before = found((await getPlan(ctx, year, version)).sessions, sessionId);
  if (before.existing) {
    throw unavailable(`${before.sessionCode ?? 'The session'} is already in the calendar.`);
  }
  const activity = await q.selectActivityByCode(ctx.tx, before.activityCode);
  if (!activity) throw notFound('The activity');
  const venueCode = request.venueCode ?? before.venueCode;
  const slot = await slotFor(ctx, plan, activity, venueCode, request.week);
  await q.updatePlanSession(ctx.tx, plan.id, sessionId, {
    week: slot.week,
    startDate: slot.startDate,
    endDate: slot.endDate,
    venueCode,
    locked: true,
  });
  await recordAudit(ctx, {
    action: 'plan.session-moved',
    entityType: 'plan',
    entityId: plan.id,
    before: { sessionId, venueCode: before.venueCode, startDate: before.startDate },
    after: { sessionId, venueCode, startDate: slot.startDate },
  });
  return found((await getPlan(ctx, year, version)).sessions, sessionId);
}

/** Adds a run by hand, locked where it is placed; planning again gives it its quotas. */
export async function addPlanSession(
  ctx: ServiceContext,
  year: number,
  version: number,
  request: PlanAddRequest,
): Promise<PlanSession> {
  const plan = await openPlan(ctx, year, version);
  const activity = await q.selectActivityByCode(ctx.tx, request.activityCode);
  if (!activity) throw invalid('activityCode', 'is not an activity', 'unknown_activity');
  const slot = await slotFor(ctx, plan, activity, request.venueCode, request.week);
  const row = await q.insertPlanSession(ctx.tx, {
    planId: plan.id,
    activityId: activity.id,
    venueCode: request.venueCode,
    week: slot.week,
    startDate: slot.startDate,
    endDate: slot.endDate,
    capacity: activity.capacity,
    directorId: null,
    instructorIds: [],
    quotas: {},
    serves: [],
    locked: true,
  });
  await recordAudit(ctx, {
    action: 'plan.session-added',
    entityType: 'plan',
    entityId: plan.id,
    after: { sessionId: row.id, activityCode: activity.code, startDate: slot.startDate },
  });
  return found((await getPlan(ctx, year, version)).sessions, row.id);
}

/** Takes a proposed run out of the version (a session already in the calendar stays). */
export async function removePlanSession(
  ctx: ServiceContext,
  year: number,
  version: number,
  sessionId: string,
): Promise<Plan> {
  const plan = await openPlan(ctx, year, version);
  const session = found((await getPlan(ctx, year, version)).sessions, sessionId);
  if (session.existing) {
    throw unavailable(`${session.sessionCode ?? 'The session'} is already in the calendar.`);
  }
  await q.deletePlanSession(ctx.tx, plan.id, sessionId);
  await recordAudit(ctx, {
    action: 'plan.session-removed',
    entityType: 'plan',
    entityId: plan.id,
    before: { sessionId, activityCode: session.activityCode, startDate: session.startDate },
  });
  return getPlan(ctx, year, version);
}
