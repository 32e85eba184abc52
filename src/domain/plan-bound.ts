import { type CoverColumn, type PlanInput, type PlanModel, priorityWeight } from './plan-model.js';

/** A linear programme in the arrays a solver takes (rows in compressed sparse row form). */
export interface LinearProgramme {
  cost: Float64Array;
  upper: Float64Array;
  rowUpper: number[];
  /** Rows that are equalities (both limits at `rowUpper`); the others are `<=` from -inf. */
  rowEqual: boolean[];
  starts: number[];
  indices: number[];
  values: number[];
}

/**
 * The year's plan with its weeks summed away, as a linear programme whose optimum bounds the
 * weighted seats any plan could meet. Each row is a sum of the full model's rows, so every plan
 * of the model satisfies it: a venue's runs, each counted for the fewest weeks it could take
 * there, fit in the venue's room-weeks; a person's leads fit in their free weeks; a course runs
 * at most as often as its demand and its gap allow, and seats no more than its runs hold (at the
 * asking nation's own venues for a mobile team). It keeps what a year cannot stretch (an online
 * venue's single room, a person's weeks) yet has a few thousand columns where the model has
 * hundreds of thousands, so it solves in a second where the year's own LP would not.
 */
export function aggregateBound(input: PlanInput, model: PlanModel): LinearProgramme {
  const cost: number[] = [];
  const upper: number[] = [];
  const column = (objective: number, hi: number) => {
    cost.push(objective);
    upper.push(hi);
    return cost.length - 1;
  };
  // Runs of a course at a venue, and leads of a course by a person: the fewest weeks one takes,
  // and how many distinct starts the model offers.
  const runs = new Map<string, { a: number; v: number; weeks: number; starts: number }>();
  const leads = new Map<string, { a: number; s: string; weeks: number; starts: number }>();
  const covers: { col: CoverColumn; a: number }[] = [];
  for (const c of model.columns) {
    if (c.kind === 'run') {
      const k = `${c.activity}|${c.venue}`;
      const weeks = c.slot.lastWeek - c.slot.week + 1;
      const r = runs.get(k) ?? { a: c.activity, v: c.venue, weeks, starts: 0 };
      r.weeks = Math.min(r.weeks, weeks);
      r.starts += 1;
      runs.set(k, r);
    } else if (c.kind === 'lead') {
      const k = `${c.activity}|${c.staff}`;
      const weeks = c.lastWeek - c.week + 1;
      const l = leads.get(k) ?? { a: c.activity, s: c.staff, weeks, starts: 0 };
      l.weeks = Math.min(l.weeks, weeks);
      l.starts += 1;
      leads.set(k, l);
    } else {
      covers.push({ col: c, a: c.activity });
    }
  }

  const rows: { idx: number[]; val: number[]; hi: number; eq: boolean }[] = [];
  const byActivity = new Map<number, { runs: number[]; leads: number[] }>();
  const of = (a: number) => {
    let entry = byActivity.get(a);
    if (!entry) {
      entry = { runs: [], leads: [] };
      byActivity.set(a, entry);
    }
    return entry;
  };
  const runsByVenue = new Map<number, { idx: number[]; val: number[] }>();
  const runsOf = new Map<number, { col: number; v: number }[]>();
  for (const r of runs.values()) {
    const most = Math.min(r.starts, model.maxRuns.get(r.a) ?? r.starts);
    const col = column(0, most);
    runsOf.set(r.a, [...(runsOf.get(r.a) ?? []), { col, v: r.v }]);
    of(r.a).runs.push(col);
    const venue = runsByVenue.get(r.v) ?? { idx: [], val: [] };
    venue.idx.push(col);
    venue.val.push(r.weeks);
    runsByVenue.set(r.v, venue);
  }
  const leadsByStaff = new Map<string, { idx: number[]; val: number[] }>();
  for (const l of leads.values()) {
    const col = column(0, Math.min(l.starts, model.maxRuns.get(l.a) ?? l.starts));
    of(l.a).leads.push(col);
    const person = leadsByStaff.get(l.s) ?? { idx: [], val: [] };
    person.idx.push(col);
    person.val.push(l.weeks);
    leadsByStaff.set(l.s, person);
  }
  for (const [a, { runs: r, leads: l }] of byActivity) {
    rows.push({ idx: [...r, ...l], val: [...r.map(() => 1), ...l.map(() => -1)], hi: 0, eq: true });
    rows.push({ idx: r, val: r.map(() => 1), hi: model.maxRuns.get(a) ?? r.length, eq: false });
  }
  for (const [v, r] of runsByVenue) {
    rows.push({ ...r, hi: model.roomWeeks.get(v) ?? 0, eq: false });
  }
  for (const [s, r] of leadsByStaff)
    rows.push({ ...r, hi: model.staffWeeks.get(s) ?? 0, eq: false });

  // Seats within the runs that may hold them: a course's runs anywhere, a mobile team's at the
  // nation's own venues.
  // As in the model, a run holds min(capacity, the seats asked of it) (see buildPlanModel).
  const asked = new Map<string, number>();
  const rowKey = (a: number, nation: string) =>
    input.activities[a]?.delivery === 'mobile-training-team' ? `${a}|${nation}` : `${a}`;
  for (const { col, a } of covers) {
    const k = rowKey(a, col.nation);
    asked.set(k, (asked.get(k) ?? 0) + col.demand);
  }
  const capacityRows = new Map<string, { idx: number[]; val: number[] }>();
  for (const { col, a } of covers) {
    const activity = input.activities[a];
    if (!activity) continue;
    const mobile = activity.delivery === 'mobile-training-team';
    const k = rowKey(a, col.nation);
    const perRun = Math.min(activity.capacity, asked.get(k) ?? 0);
    let r = capacityRows.get(k);
    if (!r) {
      r = { idx: [], val: [] };
      for (const run of runsOf.get(a) ?? []) {
        if (mobile && input.venues[run.v]?.countryCode !== col.nation) continue;
        r.idx.push(run.col);
        r.val.push(-perRun);
      }
      capacityRows.set(k, r);
    }
    r.idx.push(column(priorityWeight(col.priority), col.demand));
    r.val.push(1);
  }
  for (const r of capacityRows.values()) rows.push({ ...r, hi: 0, eq: false });

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    indices.push(...r.idx);
    values.push(...r.val);
    starts.push(indices.length);
  }
  return {
    cost: Float64Array.from(cost),
    upper: Float64Array.from(upper),
    rowUpper: rows.map((r) => r.hi),
    rowEqual: rows.map((r) => r.eq),
    starts,
    indices,
    values,
  };
}
