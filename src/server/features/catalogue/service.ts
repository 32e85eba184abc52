import {
  type Activity,
  ActivityInput,
  type ActivityListQuery,
  type ActivitySummary,
  type ActivityType,
  ActivityUpdate,
  type Discipline,
  type DisciplineInput,
  type Releasability,
} from '../../../contract/catalogue.js';
import type { LocalizedText, Problem } from '../../../contract/common.js';
import { levelsNotAllowed, rulesOfType } from '../../../domain/activity-kinds.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { activities } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { notifyCatalogueChanged } from './cache.js';
import { presentActivity, presentActivitySummary, presentDiscipline } from './presenters.js';
import * as q from './queries.js';

/** Disciplines, each counting only the activities the reader may see. */
export async function listDisciplines(ctx: ServiceContext): Promise<Discipline[]> {
  return (await q.selectDisciplines(ctx.tx, ctx.actor.scope)).map((r) =>
    presentDiscipline(r.discipline, r.activityCount),
  );
}

const disciplineExists = (code: string) =>
  conflict('discipline_exists', `A discipline with the code ${code} already exists.`);

export async function createDiscipline(
  ctx: ServiceContext,
  input: DisciplineInput,
): Promise<Discipline> {
  if (await q.selectDiscipline(ctx.tx, input.code)) throw disciplineExists(input.code);
  const row = await q
    .insertDiscipline(ctx.tx, { code: input.code, name: input.name })
    .catch((error: unknown) => {
      // Two registrars adding the same discipline at once: the second gets the same 409.
      if (isUniqueViolation(error)) throw disciplineExists(input.code);
      throw error;
    });
  const discipline = presentDiscipline(row, 0);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'discipline.created',
    entityType: 'discipline',
    entityId: row.code,
    after: discipline,
  });
  return discipline;
}

/** Renames a discipline; its code never changes because activities refer to it. */
export async function updateDiscipline(
  ctx: ServiceContext,
  code: string,
  input: { name: LocalizedText },
): Promise<Discipline> {
  const [existing] = await q.selectDisciplines(ctx.tx, ctx.actor.scope, code);
  if (!existing) throw notFound(`The discipline ${code}`);
  const row = await q.updateDiscipline(ctx.tx, code, { name: input.name });
  if (!row) throw notFound(`The discipline ${code}`);
  const after = presentDiscipline(row, existing.activityCount);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'discipline.updated',
    entityType: 'discipline',
    entityId: code,
    before: presentDiscipline(existing.discipline, existing.activityCount),
    after,
  });
  return after;
}

/**
 * One page of the catalogue as the reader may see it. Without `q` the order is by English title
 * (cursor [title, id]); with `q` by relevance, codes starting with `q` first (cursor
 * ['rank', rank, id]), so a cursor from one order is refused by the other.
 */
export async function listActivities(
  ctx: ServiceContext,
  query: ActivityListQuery,
): Promise<{ items: ActivitySummary[]; nextCursor: string | null }> {
  const searching = Boolean(query.q);
  const decoded = decodeCursor(
    query.cursor,
    searching ? ['text', 'number', 'uuid'] : ['text', 'uuid'],
  );
  if (decoded && searching && decoded[0] !== 'rank') {
    throw new AppError(400, 'validation_failed', 'cursor: is not a cursor this list gave out', [
      { field: 'cursor', message: 'is not a cursor this list gave out', code: 'invalid_cursor' },
    ]);
  }
  const after = decoded && searching ? decoded.slice(1) : decoded;
  const rows = await q.selectActivities(ctx.tx, ctx.actor.scope, query, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > query.limit && last) {
    nextCursor = searching
      ? encodeCursor(['rank', last.rank, last.activity.id])
      : encodeCursor([last.activity.title.en, last.activity.id]);
  }
  return {
    items: page.map((r) => presentActivitySummary(r.activity, r.openSessions)),
    nextCursor,
  };
}

/** One activity; one the reader may not see is "not found", exactly like a missing one. */
export async function getActivity(ctx: ServiceContext, code: string): Promise<Activity> {
  const row = await q.selectActivity(ctx.tx, ctx.actor.scope, code);
  if (!row) throw notFound(`The activity ${code}`);
  return presentActivity(row.activity, row.openSessions);
}

type FieldError = NonNullable<Problem['errors']>[number];
type References = Partial<
  Pick<ActivityInput, 'disciplineCode' | 'providerCode'> & {
    releasability: Releasability;
    courses: string[];
  }
>;

/** Every code the activity refers to must exist; all unknown ones are named in one answer. */
async function checkReferences(ctx: ServiceContext, refs: References, selfCode?: string) {
  const errors: FieldError[] = [];
  const check = async (
    table: q.CodeTable,
    codes: string[],
    fieldOf: (index: number) => string,
    what: string,
  ) => {
    const known = await q.existingCodes(ctx.tx, table, codes);
    codes.forEach((c, i) => {
      if (!known.has(c)) {
        const message = `no ${what} has the code ${c}`;
        errors.push({ field: fieldOf(i), message, code: `unknown_${what}` });
      }
    });
  };
  const one = (value: string | undefined) => (value === undefined ? [] : [value]);
  await check('disciplines', one(refs.disciplineCode), () => 'disciplineCode', 'discipline');
  await check('institutions', one(refs.providerCode), () => 'providerCode', 'provider');
  const { frameworks = [], nations = [] } = refs.releasability ?? {};
  await check('frameworks', frameworks, (i) => `releasability.frameworks.${i}`, 'framework');
  await check('nations', nations, (i) => `releasability.nations.${i}`, 'nation');
  const courses = refs.courses ?? [];
  const self = selfCode === undefined ? -1 : courses.indexOf(selfCode);
  if (self >= 0) {
    const message = 'an activity cannot be its own prerequisite';
    errors.push({ field: `prerequisites.courses.${self}`, message, code: 'self_prerequisite' });
  }
  await check('activities', courses, (i) => `prerequisites.courses.${i}`, 'course');
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    throw new AppError(400, 'validation_failed', detail, errors);
  }
}

/**
 * An activity's evaluation levels must be ones its kind allows: a dialogue event has no level-2
 * test, an expert visit no survey at all (src/domain/activity-kinds.ts).
 */
function checkKindLevels(type: ActivityType, levels: readonly number[]) {
  const refused = levelsNotAllowed(type, levels);
  if (refused.length === 0) return;
  const allowed = rulesOfType(type).evaluationLevels;
  const message = `a ${type} does not use evaluation level ${refused.join(', ')}; it allows ${allowed.length > 0 ? allowed.join(', ') : 'none'}`;
  throw new AppError(400, 'validation_failed', `evaluationLevels: ${message}`, [
    { field: 'evaluationLevels', message, code: 'level_not_for_kind' },
  ]);
}

/** The denormalised columns that let visibility be an indexed array overlap; kept in step. */
function releasabilityColumns(r: Releasability) {
  const releasability: Releasability = {
    all: r.all,
    frameworks: [...new Set(r.frameworks)],
    nations: [...new Set(r.nations)],
  };
  return {
    releasability,
    releasableToAll: releasability.all,
    releasableFrameworks: releasability.frameworks,
    releasableNations: releasability.nations,
  };
}

function feeColumns(fee: { amount: number; currency: string } | null) {
  return fee
    ? { feeAmount: fee.amount.toFixed(2), feeCurrency: fee.currency }
    : { feeAmount: null, feeCurrency: null };
}

const activityExists = (code: string) =>
  conflict('activity_exists', `An activity with the code ${code} already exists.`);

/** Adds a catalogue entry; defaults (draft, releasable to all...) apply to direct callers too. */
export async function createActivity(ctx: ServiceContext, input: ActivityInput): Promise<Activity> {
  const data = ActivityInput.parse(input);
  checkKindLevels(data.type, data.evaluationLevels);
  await checkReferences(ctx, { ...data, courses: data.prerequisites.courses });
  if (await q.activityExists(ctx.tx, data.code)) throw activityExists(data.code);
  const { fee, releasability, ...rest } = data;
  const row = await q
    .insertActivity(ctx.tx, {
      ...rest,
      ...releasabilityColumns(releasability),
      ...feeColumns(fee),
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw activityExists(data.code);
      throw error;
    });
  const activity = presentActivity(row, 0);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'activity.created',
    entityType: 'activity',
    entityId: row.id,
    after: activity,
  });
  return activity;
}

/** Changes the fields sent and keeps the others; the code never changes. */
export async function updateActivity(
  ctx: ServiceContext,
  code: string,
  input: ActivityUpdate,
): Promise<Activity> {
  const data = ActivityUpdate.parse(input);
  const existing = await q.selectActivity(ctx.tx, ctx.actor.scope, code);
  if (!existing) throw notFound(`The activity ${code}`);
  checkKindLevels(
    data.type ?? (existing.activity.type as ActivityType),
    data.evaluationLevels ?? existing.activity.evaluationLevels,
  );
  await checkReferences(ctx, { ...data, courses: data.prerequisites?.courses }, code);
  const { fee, releasability, ...rest } = data;
  const values: Partial<typeof activities.$inferInsert> = {
    ...rest,
    ...(releasability ? releasabilityColumns(releasability) : {}),
    ...(fee !== undefined ? feeColumns(fee) : {}),
  };
  const row = await q.updateActivity(ctx.tx, code, values);
  if (!row) throw notFound(`The activity ${code}`);
  const after = presentActivity(row, existing.openSessions);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'activity.updated',
    entityType: 'activity',
    entityId: row.id,
    before: presentActivity(existing.activity, existing.openSessions),
    after,
  });
  return after;
}
