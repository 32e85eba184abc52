import { eq, inArray } from 'drizzle-orm';
import {
  ObjectiveInput,
  type OutlineInput,
  type Programme,
  type ProgrammeInput,
  type ProgrammeListQuery,
  type ProgrammeRevision,
  type ProgrammeStatus,
  type ProgrammeSummary,
  type ProgrammeTransitionRequest,
} from '../../../contract/programmes.js';
import {
  allowedProgrammeTransitions,
  canTransitionProgramme,
  outlineEditMode,
  type ProgrammeActor,
  transitionsFor,
} from '../../../domain/programme-lifecycle.js';
import {
  plannedActivities,
  programmeGoals,
  programmeObjectives,
  programmeRevisions,
  programmes,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { recordAudit, SYSTEM_ACTOR_ID } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { presentProgramme, presentRevision, presentSummary } from './presenters.js';
import * as q from './queries.js';

/** The system acts without a user row: loaders leave "by whom" empty. */
const userOrNull = (id: string) => (id === SYSTEM_ACTOR_ID ? null : id);

function programmeActor(actor: Actor): ProgrammeActor {
  return {
    centre: actor.roles.some((r) => r === 'administrator' || r === 'registrar'),
    canAgree: actor.permissions.has('programmes.agree'),
    canEdit: actor.permissions.has('programmes.edit'),
  };
}

export async function listProgrammes(
  ctx: ServiceContext,
  query: ProgrammeListQuery,
): Promise<{ items: ProgrammeSummary[] }> {
  const rows = await q.selectProgrammes(ctx.tx, ctx.actor.scope, query);
  return { items: rows.map(presentSummary) };
}

async function load(ctx: ServiceContext, id: string, lock = false) {
  const row = await q.selectProgramme(ctx.tx, ctx.actor.scope, id, lock);
  if (!row) throw notFound(`The programme ${id}`);
  return row;
}

export async function getProgramme(ctx: ServiceContext, id: string): Promise<Programme> {
  const row = await load(ctx, id);
  const p = row.programme;
  const outline = await q.selectOutline(ctx.tx, p.id);
  const activityIds = [
    ...new Set(
      outline.planned.flatMap((l) => (l.planned.activityId ? [l.planned.activityId] : [])),
    ),
  ];
  const plannedIds = outline.planned.map((l) => l.planned.id);
  const sessions = await q.selectSessionFacts(
    ctx.tx,
    p.nationCode,
    activityIds,
    p.startYear,
    p.endYear,
  );
  const nominations = await q.selectNominationFacts(
    ctx.tx,
    p.nationCode,
    activityIds,
    plannedIds,
    p.startYear,
    p.endYear,
  );
  const status = p.status as ProgrammeStatus;
  const actor = programmeActor(ctx.actor);
  return presentProgramme(row, outline, sessions, nominations, {
    allowedTransitions: transitionsFor(status, actor),
    outlineEdit: outlineEditMode(status, actor),
  });
}

/** Every rule the outline must meet, checked before anything is written. */
async function checkOutline(
  ctx: ServiceContext,
  objectives: ObjectiveInput[],
  startYear: number,
  endYear: number,
) {
  const lines = objectives.flatMap((o, oi) =>
    o.goals.flatMap((g, gi) =>
      g.plannedActivities.map((pa, pi) => ({
        pa,
        path: `objectives.${oi}.goals.${gi}.plannedActivities.${pi}`,
      })),
    ),
  );
  const known = await q.existingActivityIds(
    ctx.tx,
    lines.flatMap(({ pa }) => (pa.activityId ? [pa.activityId] : [])),
  );
  for (const { pa, path } of lines) {
    if (!pa.activityId && !pa.freeText) {
      throw invalid(
        path,
        'names an activity of the catalogue or describes one in free text',
        'activity_required',
      );
    }
    if (pa.activityId && !known.has(pa.activityId)) {
      throw invalid(
        `${path}.activityId`,
        'is not an activity of the catalogue',
        'unknown_activity',
      );
    }
    const outside = pa.years.find((y) => y < startYear || y > endYear);
    if (outside !== undefined) {
      throw invalid(
        `${path}.years`,
        `${outside} is outside the programme's years ${startYear}-${endYear}`,
        'year_out_of_range',
      );
    }
  }
}

/** A plain copy of the outline as it stands, kept with a revision. */
function snapshotOf(outline: q.Outline): ObjectiveInput[] {
  return outline.objectives.map((o) => ({
    id: o.id,
    title: o.title,
    goals: outline.goals
      .filter((g) => g.objectiveId === o.id)
      .map((g) => ({
        id: g.id,
        title: g.title,
        plannedActivities: outline.planned
          .filter((l) => l.planned.goalId === g.id)
          .map(({ planned }) => ({
            id: planned.id,
            activityId: planned.activityId,
            freeText: planned.freeText,
            years: planned.years,
            seatsPlanned: planned.seatsPlanned,
            priority: planned.priority,
          })),
      })),
  }));
}

function countsOf(objectives: ObjectiveInput[]) {
  const goals = objectives.flatMap((o) => o.goals);
  const lines = goals.flatMap((g) => g.plannedActivities);
  return {
    objectives: objectives.length,
    goals: goals.length,
    plannedActivities: lines.length,
    seatsPlanned: lines.reduce((sum, l) => sum + l.seatsPlanned, 0),
  };
}

/** Planned activities added, removed and changed (seats, years, priority), by id. */
function lineChanges(before: ObjectiveInput[], after: ObjectiveInput[]) {
  const lines = (objectives: ObjectiveInput[]) =>
    objectives.flatMap((o) => o.goals.flatMap((g) => g.plannedActivities));
  const old = new Map(lines(before).map((l) => [l.id, l]));
  const kept = new Set<string>();
  const added: { activityId: string | null; freeText: string | null; seatsPlanned: number }[] = [];
  const changed: { id: string; seatsPlanned: [number, number]; years: [number[], number[]] }[] = [];
  for (const line of lines(after)) {
    const previous = line.id ? old.get(line.id) : undefined;
    if (!line.id || !previous) {
      added.push({
        activityId: line.activityId,
        freeText: line.freeText,
        seatsPlanned: line.seatsPlanned,
      });
      continue;
    }
    kept.add(line.id);
    const years = [...new Set(line.years)].sort((a, b) => a - b);
    if (
      previous.seatsPlanned !== line.seatsPlanned ||
      previous.years.join() !== years.join() ||
      previous.priority !== line.priority ||
      previous.activityId !== line.activityId
    ) {
      changed.push({
        id: line.id,
        seatsPlanned: [previous.seatsPlanned, line.seatsPlanned],
        years: [previous.years, years],
      });
    }
  }
  const removed = [...old.keys()].filter((id): id is string => !!id && !kept.has(id));
  return { added, removed, changed };
}

/**
 * Replaces the outline, keeping the nodes whose ids are given (so nominations linked to a
 * planned activity stay linked) and removing the rest.
 */
async function writeOutline(
  ctx: ServiceContext,
  programmeId: string,
  objectives: ObjectiveInput[],
) {
  const current = await q.selectOutline(ctx.tx, programmeId);
  const objectiveIds = new Set(current.objectives.map((o) => o.id));
  const goalIds = new Set(current.goals.map((g) => g.id));
  const plannedIds = new Set(current.planned.map((l) => l.planned.id));
  const keep = {
    objectives: new Set<string>(),
    goals: new Set<string>(),
    planned: new Set<string>(),
  };
  objectives.forEach((o, oi) => {
    if (o.id && !objectiveIds.has(o.id))
      throw invalid(`objectives.${oi}.id`, 'is not an objective of this programme', 'unknown_node');
    o.goals.forEach((g, gi) => {
      if (g.id && !goalIds.has(g.id))
        throw invalid(
          `objectives.${oi}.goals.${gi}.id`,
          'is not a goal of this programme',
          'unknown_node',
        );
      g.plannedActivities.forEach((pa, pi) => {
        if (pa.id && !plannedIds.has(pa.id))
          throw invalid(
            `objectives.${oi}.goals.${gi}.plannedActivities.${pi}.id`,
            'is not a planned activity of this programme',
            'unknown_node',
          );
      });
    });
  });
  const removed = [...plannedIds].filter(
    (id) =>
      !objectives.some((o) => o.goals.some((g) => g.plannedActivities.some((pa) => pa.id === id))),
  );
  const inUse = await q.plannedInUse(ctx.tx, removed);
  if (inUse.length > 0) {
    throw new AppError(
      409,
      'planned_activity_in_use',
      'Nominations serve a planned activity this change removes; keep it (with its id) or unlink those nominations first.',
      undefined,
      undefined,
      { plannedActivityIds: inUse },
    );
  }
  for (const [oi, o] of objectives.entries()) {
    let objectiveId = o.id;
    if (objectiveId) {
      await ctx.tx
        .update(programmeObjectives)
        .set({ position: oi, title: o.title })
        .where(eq(programmeObjectives.id, objectiveId));
    } else {
      const [row] = await ctx.tx
        .insert(programmeObjectives)
        .values({ programmeId, position: oi, title: o.title })
        .returning({ id: programmeObjectives.id });
      objectiveId = row?.id as string;
    }
    keep.objectives.add(objectiveId);
    for (const [gi, g] of o.goals.entries()) {
      let goalId = g.id;
      if (goalId) {
        await ctx.tx
          .update(programmeGoals)
          .set({ objectiveId, position: gi, title: g.title })
          .where(eq(programmeGoals.id, goalId));
      } else {
        const [row] = await ctx.tx
          .insert(programmeGoals)
          .values({ objectiveId, position: gi, title: g.title })
          .returning({ id: programmeGoals.id });
        goalId = row?.id as string;
      }
      keep.goals.add(goalId);
      for (const pa of g.plannedActivities) {
        const values = {
          goalId,
          activityId: pa.activityId,
          freeText: pa.activityId ? null : pa.freeText,
          years: [...new Set(pa.years)].sort((a, b) => a - b),
          seatsPlanned: pa.seatsPlanned,
          priority: pa.priority,
        };
        if (pa.id) {
          await ctx.tx.update(plannedActivities).set(values).where(eq(plannedActivities.id, pa.id));
          keep.planned.add(pa.id);
        } else {
          await ctx.tx.insert(plannedActivities).values(values);
        }
      }
    }
  }
  const drop = <T>(all: Set<T>, kept: Set<T>) => [...all].filter((id) => !kept.has(id)) as string[];
  if (removed.length > 0)
    await ctx.tx.delete(plannedActivities).where(inArray(plannedActivities.id, removed));
  const goalsGone = drop(goalIds, keep.goals);
  if (goalsGone.length > 0)
    await ctx.tx.delete(programmeGoals).where(inArray(programmeGoals.id, goalsGone));
  const objectivesGone = drop(objectiveIds, keep.objectives);
  if (objectivesGone.length > 0)
    await ctx.tx.delete(programmeObjectives).where(inArray(programmeObjectives.id, objectivesGone));
  return current;
}

/** A nation's NPOC drafts their own nation's programme; the centre drafts any nation's. */
export async function createProgramme(
  ctx: ServiceContext,
  input: ProgrammeInput,
): Promise<Programme> {
  const scope = ctx.actor.scope;
  if (scope.kind === 'nation' && scope.nationCode !== input.nationCode) throw forbidden();
  if (input.endYear < input.startYear)
    throw invalid('endYear', 'must not be before startYear', 'years_reversed');
  if (!(await q.selectNation(ctx.tx, input.nationCode))) {
    throw invalid('nationCode', 'is not a partner nation', 'unknown_nation');
  }
  const objectives = (input.objectives ?? []).map((o) => ObjectiveInput.parse(o));
  await checkOutline(ctx, objectives, input.startYear, input.endYear);
  const [row] = await ctx.tx
    .insert(programmes)
    .values({
      nationCode: input.nationCode,
      title: input.title,
      startYear: input.startYear,
      endYear: input.endYear,
    })
    .returning();
  if (!row) throw new Error('programme insert returned nothing');
  await writeOutline(ctx, row.id, objectives);
  await recordAudit(ctx, {
    action: 'programme.created',
    entityType: 'programme',
    entityId: row.id,
    after: { ...input, objectives },
  });
  return getProgramme(ctx, row.id);
}

/**
 * Replaces the outline: freely while draft; once agreed only by the centre with a reason, as a
 * new version that keeps the outline as it was.
 */
export async function replaceOutline(
  ctx: ServiceContext,
  id: string,
  input: OutlineInput,
): Promise<Programme> {
  const { programme: p } = await load(ctx, id, true);
  const status = p.status as ProgrammeStatus;
  const actor = programmeActor(ctx.actor);
  const mode = outlineEditMode(status, actor);
  if (mode === 'none') {
    if ((status === 'agreed' || status === 'active') && !actor.centre) throw forbidden();
    throw conflict(
      'programme_not_editable',
      `The outline of a ${status} programme cannot change${status === 'proposed' ? '; send it back to draft first' : ''}.`,
    );
  }
  const reason = input.reason?.trim() || null;
  if (mode === 'revision' && !reason) {
    throw invalid('reason', 'is required to revise an agreed programme', 'reason_required');
  }
  const objectives = input.objectives.map((o) => ObjectiveInput.parse(o));
  await checkOutline(ctx, objectives, p.startYear, p.endYear);
  const before = await writeOutline(ctx, p.id, objectives);
  const snapshot = snapshotOf(before);
  let version = p.version;
  if (mode === 'revision' && reason) {
    version += 1;
    const changes = {
      before: countsOf(snapshot),
      after: countsOf(objectives),
      ...lineChanges(snapshot, objectives),
    };
    await ctx.tx.insert(programmeRevisions).values({
      programmeId: p.id,
      version,
      reason,
      changes,
      snapshot,
      revisedBy: userOrNull(ctx.actor.id),
    });
  }
  await ctx.tx
    .update(programmes)
    .set({ version, updatedAt: new Date() })
    .where(eq(programmes.id, p.id));
  await recordAudit(ctx, {
    action: mode === 'revision' ? 'programme.revised' : 'programme.outline_replaced',
    entityType: 'programme',
    entityId: p.id,
    before: { version: p.version, objectives: snapshot },
    after: { version, objectives, ...(reason ? { reason } : {}) },
  });
  return getProgramme(ctx, p.id);
}

export async function transitionProgramme(
  ctx: ServiceContext,
  id: string,
  request: ProgrammeTransitionRequest,
): Promise<Programme> {
  const { programme: p } = await load(ctx, id, true);
  const from = p.status as ProgrammeStatus;
  if (!canTransitionProgramme(from, request.to)) {
    const allowed = allowedProgrammeTransitions(from);
    const options = allowed.length > 0 ? allowed.join(', ') : 'nothing (it is final)';
    throw new AppError(
      409,
      'invalid_transition',
      `A programme cannot go from ${from} to ${request.to}. From ${from} a programme can go to: ${options}.`,
      [{ field: 'to', message: `must be one of: ${options}`, code: 'invalid_transition' }],
      undefined,
      { allowed },
    );
  }
  if (!transitionsFor(from, programmeActor(ctx.actor)).includes(request.to)) throw forbidden();
  const reason = request.reason?.trim() || null;
  await ctx.tx
    .update(programmes)
    .set({
      status: request.to,
      updatedAt: new Date(),
      ...(request.to === 'agreed'
        ? { agreedAt: new Date(), agreedBy: userOrNull(ctx.actor.id) }
        : {}),
    })
    .where(eq(programmes.id, p.id));
  await recordAudit(ctx, {
    action: 'programme.transitioned',
    entityType: 'programme',
    entityId: p.id,
    before: { status: from },
    after: { status: request.to, ...(reason ? { reason } : {}) },
  });
  return getProgramme(ctx, p.id);
}

export async function listRevisions(
  ctx: ServiceContext,
  id: string,
): Promise<{ items: ProgrammeRevision[] }> {
  const { programme: p } = await load(ctx, id);
  const rows = await q.selectRevisions(ctx.tx, p.id);
  return { items: rows.map(presentRevision) };
}
