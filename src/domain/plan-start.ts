import type { PlanModel } from './plan-model.js';

/**
 * A feasible first plan, built greedily over the model's own rows: for each course in order of
 * its weightiest seats, the earliest starts whose rooms, people and gaps still allow them, each
 * with a free lead; then every coverage column filled as far as its rows allow. It is handed to
 * the solver as a start, so even a large year has a plan at once that the solver then improves.
 */
export function greedyStart(model: PlanModel): Float64Array {
  const n = model.columns.length;
  const values = new Float64Array(n);
  const rowsOf: { row: number; value: number }[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r + 1 < model.starts.length; r += 1) {
    for (let k = model.starts[r] ?? 0; k < (model.starts[r + 1] ?? 0); k += 1) {
      rowsOf[model.indices[k] ?? 0]?.push({ row: r, value: model.values[k] ?? 0 });
    }
  }
  const activity = new Float64Array(model.rowLower.length);
  const fits = (col: number) =>
    (rowsOf[col] ?? []).every(
      ({ row, value }) =>
        value <= 0 ||
        // Equality rows are the run-lead links, kept by taking a run with its lead.
        model.rowLower[row] === model.rowUpper[row] ||
        (activity[row] ?? 0) + value <= (model.rowUpper[row] ?? 0) + 1e-9,
    );
  const take = (col: number, amount: number) => {
    values[col] = (values[col] ?? 0) + amount;
    for (const { row, value } of rowsOf[col] ?? [])
      activity[row] = (activity[row] ?? 0) + value * amount;
  };
  // Leads by (activity, week); weight of each activity's seats.
  const leads = new Map<string, number[]>();
  const weight = new Map<number, number>();
  model.columns.forEach((c, i) => {
    if (c.kind === 'lead') {
      const k = `${c.activity}|${c.week}`;
      leads.set(k, [...(leads.get(k) ?? []), i]);
    } else if (c.kind === 'cover') {
      weight.set(c.activity, Math.max(weight.get(c.activity) ?? 0, model.cost[i] ?? 0));
    }
  });
  const runs = model.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'run')
    .sort((x, y) => (weight.get(y.c.activity) ?? 0) - (weight.get(x.c.activity) ?? 0));
  for (const { c, i } of runs) {
    if (c.kind !== 'run' || !fits(i)) continue;
    // The link row (runs = leads) has an equality: a run is taken only with its lead.
    const lead = (leads.get(`${c.activity}|${c.slot.week}`) ?? []).find(
      (l) => (values[l] ?? 0) < 0.5 && fits(l),
    );
    if (lead === undefined) continue;
    take(i, 1);
    take(lead, 1);
  }
  // Coverage up to each row's room, weightiest first.
  const covers = model.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'cover')
    .sort((x, y) => (model.cost[y.i] ?? 0) - (model.cost[x.i] ?? 0));
  for (const { i } of covers) {
    let room = model.upper[i] ?? 0;
    for (const { row, value } of rowsOf[i] ?? []) {
      if (value > 0)
        room = Math.min(room, ((model.rowUpper[row] ?? 0) - (activity[row] ?? 0)) / value);
    }
    if (room > 0) take(i, Math.floor(room + 1e-9));
  }
  return values;
}
