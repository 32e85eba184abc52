import loadHighs from 'highs';
import {
  buildPlanModel,
  type FixedRun,
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
    let first: number | null = null;
    const result = m.run({
      [h.constants.callbackType.mipImprovingSolution]: () => {
        first ??= performance.now() - started;
        return undefined;
      },
    });
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

  // Parts of whole disciplines' courses, each small enough to solve, largest demand first.
  const maxColumns = options.maxColumns ?? 40_000;
  const perPart = Math.max(
    1,
    Math.floor((input.activities.length * maxColumns) / Math.max(1, whole.columns.length)),
  );
  const seatsOf = new Map<string, number>();
  for (const line of input.demand) {
    seatsOf.set(line.activityId, (seatsOf.get(line.activityId) ?? 0) + line.seats);
  }
  const sorted = [...input.activities].sort(
    (a, b) =>
      a.disciplineCode.localeCompare(b.disciplineCode) ||
      (seatsOf.get(b.id) ?? 0) - (seatsOf.get(a.id) ?? 0),
  );
  const parts: (typeof input.activities)[] = [];
  for (let i = 0; i < sorted.length; i += perPart) parts.push(sorted.slice(i, i + perPart));
  const fixed: FixedRun[] = [...input.fixed];
  // Every seat a course could seat if rooms, people and gaps were no limit: the whole model's
  // coverage columns at their demand. Dropping constraints relaxes the year, so this bounds it.
  let bound = 0;
  for (const c of whole.columns)
    if (c.kind === 'cover') bound += c.demand * priorityWeight(c.priority);
  let firstFeasibleMs: number | null = 0;
  let columns = 0;
  let rows = 0;
  const statuses = new Set<string>();
  const deadline = started + seconds * 1000 * 0.9;
  for (const [i, activities] of parts.entries()) {
    const partStarted = performance.now();
    const ids = new Set(activities.map((a) => a.id));
    const demand = input.demand.filter((l) => ids.has(l.activityId));
    const part: PlanInput = { ...input, activities, demand, fixed };
    const model = buildPlanModel(part);
    columns += model.columns.length;
    rows += model.rowLower.length;
    // What time is left, shared among the parts still to solve.
    const share = Math.max(0.5, (deadline - performance.now()) / 1000 / (parts.length - i));
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
