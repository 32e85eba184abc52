import { weekOf } from './plan-calendar.js';
import type {
  CoverColumn,
  DemandLine,
  LeadColumn,
  PlanInput,
  PlanModel,
  RunColumn,
  UnmetReason,
} from './plan-model.js';
import { priorityWeight } from './plan-model.js';

/** Seats of one programme line that a run serves. */
export interface Served {
  lineId: string;
  programmeId: string;
  nationCode: string;
  seats: number;
}

/** One run of the plan: proposed by the solver, or fixed (already in the calendar or locked). */
export interface PlannedRun {
  key: string;
  fixed: boolean;
  activityId: string;
  venueCode: string;
  week: number;
  startDate: string;
  endDate: string;
  capacity: number;
  directorId: string | null;
  instructorIds: string[];
  /** Seats per nation, from the planned seats it serves. */
  quotas: Record<string, number>;
  serves: Served[];
}

export interface UnmetLine {
  lineId: string;
  programmeId: string;
  nationCode: string;
  activityId: string;
  priority: number;
  seats: number;
  reason: UnmetReason;
}

export interface PlanResult {
  runs: PlannedRun[];
  unmet: UnmetLine[];
  /** Weighted seats the proposed runs meet (the objective). */
  score: number;
  seatsDemanded: number;
  seatsMet: number;
}

const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * Reads a solution back into runs, each with its director, an instructor when one is free, its
 * quotas and the programme lines it serves; and the seats left unmet, each with its reason.
 * Seats go to the highest-priority lines first, fixed runs before proposed ones.
 */
export function readPlan(
  input: PlanInput,
  model: PlanModel,
  values: ArrayLike<number>,
): PlanResult {
  const venueCode = (i: number) => input.venues[i]?.code ?? '';
  const byActivity = new Map(input.activities.map((a, i) => [a.id, i]));
  const runs: PlannedRun[] = input.fixed.map((f) => ({
    key: f.key,
    fixed: true,
    activityId: f.activityId,
    venueCode: f.venueCode,
    week: weekOf(input.year, f.startDate),
    startDate: f.startDate,
    endDate: f.endDate,
    capacity: f.capacity,
    directorId: f.staff[0] ?? null,
    instructorIds: f.staff.slice(1),
    quotas: {},
    serves: [],
  }));
  const busy = new Set<string>();
  for (const r of runs) {
    for (let w = r.week; w <= weekOf(input.year, r.endDate); w += 1) {
      for (const s of [r.directorId, ...r.instructorIds]) if (s) busy.add(key(s, w));
    }
  }

  const covered = new Map<string, number>();
  const leads = new Map<string, string[]>();
  let score = 0;
  model.columns.forEach((c, i) => {
    const v = values[i] ?? 0;
    if (c.kind === 'cover' && v > 1e-6) {
      const seats = Math.floor(v + 1e-6);
      covered.set(key(c.activity, c.nation, c.priority), seats);
      score += seats * priorityWeight(c.priority);
    } else if (c.kind === 'lead' && v > 0.5) {
      const k = key((c as LeadColumn).activity, c.week);
      leads.set(k, [...(leads.get(k) ?? []), c.staff]);
    }
  });
  model.columns.forEach((c, i) => {
    if (c.kind !== 'run' || (values[i] ?? 0) < 0.5) return;
    const run = c as RunColumn;
    const activity = input.activities[run.activity];
    if (!activity) return;
    const director = leads.get(key(run.activity, run.slot.week))?.shift() ?? null;
    const weeks = Array.from(
      { length: run.slot.lastWeek - run.slot.week + 1 },
      (_, k) => run.slot.week + k,
    );
    for (const w of weeks) if (director) busy.add(key(director, w));
    const helper = activity.staff.find(
      (s) => s !== director && weeks.every((w) => !busy.has(key(s, w))),
    );
    if (helper) for (const w of weeks) busy.add(key(helper, w));
    runs.push({
      key: `new-${run.activity}-${run.venue}-${run.slot.week}`,
      fixed: false,
      activityId: activity.id,
      venueCode: venueCode(run.venue),
      week: run.slot.week,
      startDate: run.slot.startDate,
      endDate: run.slot.endDate,
      capacity: activity.capacity,
      directorId: director,
      instructorIds: helper ? [helper] : [],
      quotas: {},
      serves: [],
    });
  });

  // Seats to lines: fixed runs first (their quotas, then open seats), then the solver's cover.
  const lines = [...input.demand]
    .filter((l) => l.seats > 0)
    .sort((a, b) => a.priority - b.priority);
  const left = new Map(lines.map((l) => [l.lineId, l.seats]));
  const hostOnly = (activityId: string) =>
    input.activities[byActivity.get(activityId) ?? -1]?.delivery === 'mobile-training-team';
  const countryOf = new Map(input.venues.map((v) => [v.code, v.countryCode]));
  const give = (run: PlannedRun, line: DemandLine, seats: number) => {
    if (seats <= 0) return;
    left.set(line.lineId, (left.get(line.lineId) ?? 0) - seats);
    run.quotas[line.nationCode] = (run.quotas[line.nationCode] ?? 0) + seats;
    const same = run.serves.find((s) => s.lineId === line.lineId);
    if (same) same.seats += seats;
    else
      run.serves.push({
        lineId: line.lineId,
        programmeId: line.programmeId,
        nationCode: line.nationCode,
        seats,
      });
  };
  const room = (run: PlannedRun) =>
    run.capacity - Object.values(run.quotas).reduce((s, n) => s + n, 0);
  const fixedQuota = new Map(input.fixed.map((f) => [f.key, { ...f.quotas }]));
  for (const run of runs.filter((r) => r.fixed)) {
    const quotas = fixedQuota.get(run.key) ?? {};
    const promised = Object.values(quotas).reduce((s, n) => s + n, 0);
    let open = run.capacity - promised;
    for (const line of lines.filter((l) => l.activityId === run.activityId)) {
      const q = quotas[line.nationCode] ?? 0;
      const fromQuota = Math.min(q, left.get(line.lineId) ?? 0);
      quotas[line.nationCode] = q - fromQuota;
      give(run, line, fromQuota);
      if (hostOnly(run.activityId) && countryOf.get(run.venueCode) !== line.nationCode) continue;
      const fromOpen = Math.min(open, left.get(line.lineId) ?? 0);
      open -= fromOpen;
      give(run, line, fromOpen);
    }
  }
  for (const line of lines) {
    const a = byActivity.get(line.activityId);
    if (a === undefined) continue;
    const k = key(a, line.nationCode, line.priority);
    let budget = Math.min(covered.get(k) ?? 0, left.get(line.lineId) ?? 0);
    covered.set(k, (covered.get(k) ?? 0) - budget);
    for (const run of runs) {
      if (budget <= 0) break;
      if (run.fixed || run.activityId !== line.activityId) continue;
      if (hostOnly(run.activityId) && countryOf.get(run.venueCode) !== line.nationCode) continue;
      const seats = Math.min(budget, room(run));
      give(run, line, seats);
      budget -= seats;
    }
  }

  const kept = runs.filter((r) => r.fixed || r.serves.length > 0);
  const unmet: UnmetLine[] = [];
  for (const line of lines) {
    const seats = left.get(line.lineId) ?? 0;
    if (seats <= 0) continue;
    const a = byActivity.get(line.activityId);
    const reason: UnmetReason =
      a === undefined ? 'no-venue' : (model.blocked.get(key(a, line.nationCode)) ?? 'no-capacity');
    unmet.push({
      lineId: line.lineId,
      programmeId: line.programmeId,
      nationCode: line.nationCode,
      activityId: line.activityId,
      priority: line.priority,
      seats,
      reason,
    });
  }
  const seatsDemanded = lines.reduce((s, l) => s + l.seats, 0);
  const seatsMet = seatsDemanded - unmet.reduce((s, u) => s + u.seats, 0);
  kept.sort(
    (x, y) => x.startDate.localeCompare(y.startDate) || x.venueCode.localeCompare(y.venueCode),
  );
  return { runs: kept, unmet, score, seatsDemanded, seatsMet };
}

export type { CoverColumn };
