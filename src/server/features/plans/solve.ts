import loadHighs from 'highs';
import { aggregateBound } from '../../../domain/plan-bound.js';
import {
  buildPlanModel,
  type FixedRun,
  type PlanActivity,
  type PlanInput,
  type PlanModel,
  priorityWeight,
} from '../../../domain/plan-model.js';
import { type PlanResult, readPlan } from '../../../domain/plan-read.js';
import { greedyStart } from '../../../domain/plan-start.js';

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Highs> | null = null;
/** HiGHS compiled to WebAssembly, loaded once per process. */
function highs(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

export interface SolveOptions {
  /** Seconds the whole solve may take (60 unless told). */
  timeLimitSeconds?: number;
  /** Stop a MIP once the plan is within this share of the bound (0.01 unless told). */
  mipGap?: number;
  /** Past this many variables the year is solved in parts of about this size (40,000 unless told). */
  maxColumns?: number;
}

export interface SolveReport extends PlanResult {
  /** Proven upper bound of the weighted seats any plan could meet. */
  bound: number;
  method: 'mip' | 'decomposed';
  parts: number;
  status: string;
  columns: number;
  rows: number;
  firstFeasibleMs: number | null;
  solveMs: number;
  conflicts: PlanModel['conflicts'];
}

const STATUS_NAMES: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  13: 'time-limit',
  14: 'iteration-limit',
  17: 'interrupted',
};

interface Solved {
  values: Float64Array;
  solveMs: number;
  bound: number;
  status: string;
  firstFeasibleMs: number | null;
}

/** One model solved as a MIP within the time and gap given. */
async function solveModel(model: PlanModel, seconds: number, gap: number): Promise<Solved> {
  const n = model.columns.length;
  if (n === 0) {
    return {
      values: new Float64Array(),
      solveMs: 0,
      bound: 0,
      status: 'empty',
      firstFeasibleMs: 0,
    };
  }
  const h = await highs();
  const m = h.createModel({
    numCols: n,
    numRows: model.rowLower.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: model.cost,
    colLower: model.lower,
    colUpper: model.upper,
    rowLower: model.rowLower.map((v) => (Number.isFinite(v) ? v : -h.infinity)),
    rowUpper: model.rowUpper.map((v) => (Number.isFinite(v) ? v : h.infinity)),
    matrix: {
      format: 'csr',
      numRows: model.rowLower.length,
      numCols: n,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    integrality: Array.from(model.integer, (i) => (i ? 1 : 0) as 0 | 1),
  });
  try {
    m.options.set({ output_flag: false, time_limit: Math.max(0.5, seconds), mip_rel_gap: gap });
    const started = performance.now();
    // A greedy plan as the start: a feasible year at once, which the solver improves.
    m.setSolution({ colValue: greedyStart(model) });
    const first = performance.now() - started;
    const result = m.run();
    const status = STATUS_NAMES[result.modelStatus] ?? `status-${result.modelStatus}`;
    const values = m.getSolution().colValue;
    const objective = m.getObjectiveValue();
    const dual = Number(m.info.get('mip_dual_bound'));
    return {
      values: values.length === n ? values : new Float64Array(n),
      solveMs: performance.now() - started,
      bound: Number.isFinite(dual) ? dual : objective,
      status,
      firstFeasibleMs: first,
    };
  } finally {
    m.dispose();
  }
}

/** The optimum of the year's plan with its weeks summed away (`aggregateBound`), solved as an LP. */
async function solveBound(input: PlanInput, model: PlanModel): Promise<number> {
  const lp = aggregateBound(input, model);
  if (lp.cost.length === 0) return 0;
  const h = await highs();
  const m = h.createModel({
    numCols: lp.cost.length,
    numRows: lp.rowUpper.length,
    sense: h.constants.objectiveSense.maximize,
    colCost: lp.cost,
    colLower: new Float64Array(lp.cost.length),
    colUpper: lp.upper,
    rowLower: lp.rowUpper.map((hi, i) => (lp.rowEqual[i] ? hi : -h.infinity)),
    rowUpper: lp.rowUpper,
    matrix: {
      format: 'csr',
      numRows: lp.rowUpper.length,
      numCols: lp.cost.length,
      starts: lp.starts,
      indices: lp.indices,
      values: lp.values,
    },
  });
  try {
    m.options.set({ output_flag: false });
    m.run();
    return m.getObjectiveValue();
  } finally {
    m.dispose();
  }
}

// Scarce rooms first: the single online room and each nation's host venue are shared by every
// discipline, so their courses are planned together before the centre's, which has room to spare
// and is limited by each discipline's own people.
const DELIVERY_ORDER: Record<string, number> = { online: 0, 'mobile-training-team': 1 };

/**
 * The year's courses in parts of at most `maxColumns` variables each: grouped by delivery (the
 * courses that share a scarce room together, whatever their discipline), then by discipline,
 * weightiest demand first.
 */
function partsOf(input: PlanInput, whole: PlanModel, maxColumns: number) {
  const columnsOf = new Map<number, number>();
  for (const c of whole.columns) columnsOf.set(c.activity, (columnsOf.get(c.activity) ?? 0) + 1);
  const seatsOf = new Map<string, number>();
  for (const line of input.demand) {
    seatsOf.set(line.activityId, (seatsOf.get(line.activityId) ?? 0) + line.seats);
  }
  const rank = (a: PlanActivity) => DELIVERY_ORDER[a.delivery] ?? 2;
  const sorted = input.activities
    .map((activity, index) => ({ activity, index }))
    .sort(
      (x, y) =>
        rank(x.activity) - rank(y.activity) ||
        x.activity.disciplineCode.localeCompare(y.activity.disciplineCode) ||
        (seatsOf.get(y.activity.id) ?? 0) - (seatsOf.get(x.activity.id) ?? 0),
    );
  const parts: { activities: PlanActivity[]; columns: number }[] = [];
  let current: { activities: PlanActivity[]; columns: number } | null = null;
  let group = -1;
  for (const { activity, index } of sorted) {
    const columns = columnsOf.get(index) ?? 0;
    if (!current || rank(activity) !== group || current.columns + columns > maxColumns) {
      current = { activities: [], columns: 0 };
      parts.push(current);
    }
    current.activities.push(activity);
    current.columns += columns;
    group = rank(activity);
  }
  return parts;
}

/**
 * Proposes the year's plan. The whole year is one MIP when it is small enough, and HiGHS's
 * dual bound is the bound. Past `maxColumns` variables it is solved in parts of a discipline's
 * courses, each part seeing the runs of the parts before as fixed, the time left shared among
 * the parts still to solve; the bound is then every seat the courses could seat with rooms,
 * people and gaps no limit (a relaxation of the whole year, so an honest but loose bound).
 */
export async function proposePlan(
  input: PlanInput,
  options: SolveOptions = {},
): Promise<SolveReport> {
  const started = performance.now();
  const seconds = options.timeLimitSeconds ?? 60;
  const gap = options.mipGap ?? 0.01;
  const whole = buildPlanModel(input);
  if (whole.columns.length <= (options.maxColumns ?? 40_000)) {
    const solved = await solveModel(whole, seconds, gap);
    const result = readPlan(input, whole, solved.values);
    return {
      ...result,
      bound: Math.max(solved.bound, result.score),
      method: 'mip',
      parts: 1,
      status: solved.status,
      columns: whole.columns.length,
      rows: whole.rowLower.length,
      firstFeasibleMs: solved.firstFeasibleMs,
      solveMs: performance.now() - started,
      conflicts: whole.conflicts,
    };
  }

  const parts = partsOf(input, whole, options.maxColumns ?? 40_000);
  const fixed: FixedRun[] = [...input.fixed];
  // The whole year with its weeks summed away: a relaxation, so its optimum bounds any plan.
  const bound = await solveBound(input, whole);
  // The first feasible year counts the whole model and the bound built before the parts.
  let firstFeasibleMs: number | null = performance.now() - started;
  let columns = 0;
  let rows = 0;
  const statuses = new Set<string>();
  const deadline = started + seconds * 1000 * 0.9;
  let columnsLeft = parts.reduce((sum, p) => sum + p.columns, 0);
  for (const { activities, columns: partColumns } of parts) {
    const partStarted = performance.now();
    const ids = new Set(activities.map((a) => a.id));
    const demand = input.demand.filter((l) => ids.has(l.activityId));
    const part: PlanInput = { ...input, activities, demand, fixed };
    const model = buildPlanModel(part);
    columns += model.columns.length;
    rows += model.rowLower.length;
    // What time is left, shared among the parts still to solve by their size.
    const left = (deadline - performance.now()) / 1000;
    const share = Math.max(0.5, (left * partColumns) / Math.max(1, columnsLeft));
    columnsLeft -= partColumns;
    const solved = await solveModel(model, share, gap);
    statuses.add(solved.status);
    // The first feasible year: every part's time to its first solution, built and read.
    firstFeasibleMs =
      firstFeasibleMs === null || solved.firstFeasibleMs === null
        ? null
        : firstFeasibleMs +
          (performance.now() - partStarted) -
          (solved.solveMs - solved.firstFeasibleMs);
    const read = readPlan(part, model, solved.values);
    for (const run of read.runs.filter((r) => !r.fixed)) {
      fixed.push({
        key: run.key,
        activityId: run.activityId,
        venueCode: run.venueCode,
        startDate: run.startDate,
        endDate: run.endDate,
        capacity: run.capacity,
        staff: [run.directorId, ...run.instructorIds].filter((s): s is string => Boolean(s)),
        quotas: run.quotas,
      });
    }
  }
  // Read the whole year once more with every proposed run in place, for its explanations.
  const proposed = new Set(fixed.slice(input.fixed.length).map((f) => f.key));
  const final = readPlan(
    { ...input, fixed },
    buildPlanModel({ ...input, activities: [], fixed }),
    [],
  );
  for (const run of final.runs) if (proposed.has(run.key)) run.fixed = false;
  const result = readPlan(input, whole, new Float64Array(whole.columns.length));
  const reasons = new Map(result.unmet.map((u) => [u.lineId, u.reason]));
  const unmet = final.unmet.map((u) => ({ ...u, reason: reasons.get(u.lineId) ?? u.reason }));
  const priorityOf = new Map(input.demand.map((l) => [l.lineId, l.priority]));
  const score = final.runs
    .filter((r) => !r.fixed)
    .flatMap((r) => r.serves)
    .reduce((s, sv) => {
      return s + sv.seats * priorityWeight(priorityOf.get(sv.lineId) ?? 2);
    }, 0);
  return {
    ...final,
    unmet,
    score,
    bound: Math.max(bound, score),
    method: 'decomposed',
    parts: parts.length,
    status: statuses.size === 1 ? ([...statuses][0] ?? 'optimal') : [...statuses].sort().join('+'),
    columns,
    rows,
    firstFeasibleMs,
    solveMs: performance.now() - started,
    conflicts: whole.conflicts,
  };
}
