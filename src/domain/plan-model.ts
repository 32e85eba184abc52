import { type RunSlot, runSlot, type VenueDays, weekOf, weeksIn } from './plan-calendar.js';

/**
 * The annual plan as a mixed-integer programme (docs/planning.md): which runs of which course,
 * where and in which week, led by whom, serving which nations' planned seats. This module builds
 * the model and reads a solution back; solving is the caller's (any MIP solver over the arrays).
 */

export type Delivery = 'residential' | 'mobile-training-team' | 'online' | 'blended';

export interface PlanActivity {
  id: string;
  code: string;
  durationDays: number;
  capacity: number;
  delivery: Delivery;
  disciplineCode: string;
  /** Users who may lead or teach it (from the sessions they have directed or taught). */
  staff: readonly string[];
}

export interface PlanVenue extends VenueDays {
  code: string;
  kind: 'centre' | 'city' | 'online';
  /** The nation a city venue is in: a mobile team may teach that nation there. */
  countryCode: string | null;
  /** Sessions it can hold at once (1 unless told). */
  rooms: number;
}

/** One programme line's seats for the year. */
export interface DemandLine {
  lineId: string;
  programmeId: string;
  nationCode: string;
  activityId: string;
  seats: number;
  /** 1 highest. */
  priority: number;
}

/** A session already in the calendar, or a locked one of the plan: fixed, counted, never moved. */
export interface FixedRun {
  key: string;
  activityId: string;
  venueCode: string;
  startDate: string;
  endDate: string;
  capacity: number;
  staff: readonly string[];
  /** Seats it already promises to nations (its quotas); the rest is open to any. */
  quotas: Readonly<Record<string, number>>;
}

export interface PlanInput {
  year: number;
  activities: readonly PlanActivity[];
  venues: readonly PlanVenue[];
  demand: readonly DemandLine[];
  fixed: readonly FixedRun[];
  /** Weeks between the starts of two runs of one course (4 unless told). */
  minGapWeeks?: number;
}

export type UnmetReason = 'no-venue' | 'no-staff' | 'no-free-week' | 'no-capacity';

/** A conflict among fixed runs: a room or a person booked twice in a week. */
export interface FixedConflict {
  kind: 'venue-double-booked' | 'staff-double-booked';
  week: number;
  subject: string;
  runs: string[];
}

/** The weight of a planned seat by the line's priority: 1 -> 3, 2 -> 2, 3 and lower -> 1. */
export function priorityWeight(priority: number): number {
  return Math.max(1, 4 - priority);
}

/** One binary start variable: activity a at venue v starting in week w. */
export interface RunColumn {
  kind: 'run';
  activity: number;
  venue: number;
  slot: RunSlot;
}
/** One binary lead assignment: staff s leads a run of activity a starting in week w. */
export interface LeadColumn {
  kind: 'lead';
  activity: number;
  staff: string;
  week: number;
  lastWeek: number;
}
/** Seats of (activity, nation, priority) met; continuous, at most the demand. */
export interface CoverColumn {
  kind: 'cover';
  activity: number;
  nation: string;
  priority: number;
  demand: number;
}
export type Column = RunColumn | LeadColumn | CoverColumn;

/** The model in the arrays a MIP solver takes (rows in compressed sparse row form). */
export interface PlanModel {
  columns: Column[];
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  integer: Uint8Array;
  rowLower: number[];
  rowUpper: number[];
  starts: number[];
  indices: number[];
  values: number[];
  /** Why demand cannot be met at all, known before solving. */
  blocked: Map<string, UnmetReason>;
  conflicts: FixedConflict[];
  weeks: number;
  /** Room-weeks left per venue (index): the sum of its room rows' limits, for the bound. */
  roomWeeks: Map<number, number>;
  /** Weeks each person may lead in: one per person-week row, for the bound. */
  staffWeeks: Map<string, number>;
  /** Runs of a course (index) at most: its runs row with the gap folded in, for the bound. */
  maxRuns: Map<number, number>;
}

const key = (...parts: (string | number)[]) => parts.join('|');

/** The venues a course's delivery allows: the centre's, a host nation's for mobile teams, online. */
export function venuesFor(activity: PlanActivity, venues: readonly PlanVenue[]): number[] {
  const fits = (v: PlanVenue) => {
    switch (activity.delivery) {
      case 'residential':
        return v.kind === 'centre';
      case 'mobile-training-team':
        return v.kind === 'city' && v.countryCode !== null;
      case 'online':
        return v.kind === 'online';
      default:
        return v.kind === 'centre' || v.kind === 'online';
    }
  };
  return venues.flatMap((v, i) => (fits(v) ? [i] : []));
}

/** Whether a run at this venue may seat a nation: a host venue only its own. */
function seats(venue: PlanVenue, nation: string, delivery: Delivery): boolean {
  return delivery !== 'mobile-training-team' || venue.countryCode === nation;
}

/** Builds the model. Fixed runs are constants: they use rooms and people and meet demand first. */
export function buildPlanModel(input: PlanInput): PlanModel {
  const weeks = weeksIn(input.year);
  const gap = Math.max(1, input.minGapWeeks ?? 4);
  const venueIndex = new Map(input.venues.map((v, i) => [v.code, i]));
  const blocked = new Map<string, UnmetReason>();
  const conflicts: FixedConflict[] = [];
  const roomWeeks = new Map<number, number>();
  const staffWeeks = new Map<string, number>();
  const maxRuns = new Map<number, number>();

  // Rooms and people taken by fixed runs, week by week.
  const roomUse = new Map<string, string[]>();
  const staffUse = new Map<string, string[]>();
  const fixedStarts = new Map<string, number[]>();
  for (const run of input.fixed) {
    const first = Math.max(0, weekOf(input.year, run.startDate));
    const last = Math.min(weeks - 1, weekOf(input.year, run.endDate));
    for (let w = first; w <= last; w += 1) {
      const rk = key(run.venueCode, w);
      roomUse.set(rk, [...(roomUse.get(rk) ?? []), run.key]);
      for (const s of run.staff) {
        const sk = key(s, w);
        staffUse.set(sk, [...(staffUse.get(sk) ?? []), run.key]);
      }
    }
    fixedStarts.set(run.activityId, [
      ...(fixedStarts.get(run.activityId) ?? []),
      weekOf(input.year, run.startDate),
    ]);
  }
  for (const [k, runs] of roomUse) {
    const [venue = '', week = '0'] = k.split('|');
    const rooms = input.venues[venueIndex.get(venue) ?? -1]?.rooms ?? 1;
    if (runs.length > rooms) {
      conflicts.push({ kind: 'venue-double-booked', week: Number(week), subject: venue, runs });
    }
  }
  for (const [k, runs] of staffUse) {
    const [staff = '', week = '0'] = k.split('|');
    if (runs.length > 1) {
      conflicts.push({ kind: 'staff-double-booked', week: Number(week), subject: staff, runs });
    }
  }

  // Demand left after the fixed runs' seats: their quotas first, then their open seats.
  const need = new Map<
    string,
    { activity: number; nation: string; priority: number; seats: number }
  >();
  const activityIndex = new Map(input.activities.map((a, i) => [a.id, i]));
  for (const line of input.demand) {
    const a = activityIndex.get(line.activityId);
    if (a === undefined || line.seats <= 0) continue;
    const k = key(a, line.nationCode, line.priority);
    const entry = need.get(k) ?? {
      activity: a,
      nation: line.nationCode,
      priority: line.priority,
      seats: 0,
    };
    entry.seats += line.seats;
    need.set(k, entry);
  }
  const ordered = [...need.values()].sort((x, y) => x.priority - y.priority);
  for (const run of input.fixed) {
    const a = activityIndex.get(run.activityId);
    if (a === undefined) continue;
    const venue = input.venues[venueIndex.get(run.venueCode) ?? -1];
    let open = run.capacity - Object.values(run.quotas).reduce((s, n) => s + n, 0);
    for (const entry of ordered.filter((e) => e.activity === a)) {
      const quota = run.quotas[entry.nation] ?? 0;
      const fromQuota = Math.min(quota, entry.seats);
      entry.seats -= fromQuota;
      const delivery = input.activities[a]?.delivery ?? 'residential';
      if (venue && !seats(venue, entry.nation, delivery)) continue;
      const fromOpen = Math.min(Math.max(0, open), entry.seats);
      entry.seats -= fromOpen;
      open -= fromOpen;
    }
  }

  const columns: Column[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const add = (c: Column, objective: number, lo: number, hi: number, isInt: boolean) => {
    columns.push(c);
    cost.push(objective);
    lower.push(lo);
    upper.push(hi);
    integer.push(isInt ? 1 : 0);
    return columns.length - 1;
  };
  const rows: { lo: number; hi: number; idx: number[]; val: number[] }[] = [];
  const row = (idx: number[], val: number[], lo: number, hi: number) => {
    if (idx.length > 0) rows.push({ lo, hi, idx, val });
  };

  const slotCache = new Map<string, (RunSlot | null)[]>();
  const slotsAt = (venue: number, duration: number) => {
    const k = key(venue, duration);
    let slots = slotCache.get(k);
    if (!slots) {
      const v = input.venues[venue] as PlanVenue;
      slots = Array.from({ length: weeks }, (_, w) => runSlot(input.year, w, duration, v));
      slotCache.set(k, slots);
    }
    return slots;
  };

  const roomRows = new Map<string, { idx: number[]; val: number[] }>();
  const staffRows = new Map<string, { idx: number[]; val: number[] }>();
  const push = (m: Map<string, { idx: number[]; val: number[] }>, k: string, col: number) => {
    const r = m.get(k) ?? { idx: [], val: [] };
    r.idx.push(col);
    r.val.push(1);
    m.set(k, r);
  };

  input.activities.forEach((activity, a) => {
    const wanted = ordered.filter((e) => e.activity === a && e.seats > 0);
    if (wanted.length === 0) return;
    const venues = venuesFor(activity, input.venues);
    const nationsWanting = new Set(wanted.map((e) => e.nation));
    const usable = venues.filter((v) =>
      [...nationsWanting].some((n) => seats(input.venues[v] as PlanVenue, n, activity.delivery)),
    );
    const reasonFor = (nation: string): UnmetReason | null => {
      if (!usable.some((v) => seats(input.venues[v] as PlanVenue, nation, activity.delivery))) {
        return 'no-venue';
      }
      if (activity.staff.length === 0) return 'no-staff';
      return null;
    };
    for (const n of nationsWanting) {
      const reason = reasonFor(n);
      if (reason) blocked.set(key(a, n), reason);
    }
    if (activity.staff.length === 0 || usable.length === 0) return;

    const tooClose = (w: number) =>
      (fixedStarts.get(activity.id) ?? []).some((f) => Math.abs(f - w) < gap);
    const runsAt = new Map<number, number[]>();
    const runsToNation = new Map<string, number[]>();
    const lastWeekAt = new Map<number, number>();
    const allRuns: number[] = [];
    for (const v of usable) {
      const venue = input.venues[v] as PlanVenue;
      const slots = slotsAt(v, activity.durationDays);
      slots.forEach((slot, w) => {
        if (!slot || tooClose(w)) return;
        const free = [...Array(slot.lastWeek - w + 1).keys()].every(
          (i) => (roomUse.get(key(venue.code, w + i))?.length ?? 0) < venue.rooms,
        );
        if (!free) return;
        const col = add({ kind: 'run', activity: a, venue: v, slot }, 0, 0, 1, true);
        allRuns.push(col);
        const atWeek = runsAt.get(w);
        if (atWeek) atWeek.push(col);
        else runsAt.set(w, [col]);
        lastWeekAt.set(w, Math.max(lastWeekAt.get(w) ?? w, slot.lastWeek));
        for (let t = w; t <= slot.lastWeek; t += 1) push(roomRows, key(v, t), col);
        for (const n of nationsWanting) {
          if (seats(venue, n, activity.delivery)) {
            const list = runsToNation.get(n);
            if (list) list.push(col);
            else runsToNation.set(n, [col]);
          }
        }
      });
    }
    if (allRuns.length === 0) {
      for (const n of nationsWanting)
        if (!blocked.has(key(a, n))) blocked.set(key(a, n), 'no-free-week');
      return;
    }
    // Lead assignment: every run has one lead, free in every week the run occupies.
    for (const [w, runCols] of runsAt) {
      const last = lastWeekAt.get(w) ?? w;
      const leads: number[] = [];
      for (const s of activity.staff) {
        const busy = [...Array(last - w + 1).keys()].some((i) => staffUse.has(key(s, w + i)));
        if (busy) continue;
        const col = add(
          { kind: 'lead', activity: a, staff: s, week: w, lastWeek: last },
          0,
          0,
          1,
          true,
        );
        leads.push(col);
        for (let t = w; t <= last; t += 1) push(staffRows, key(s, t), col);
      }
      row([...runCols, ...leads], [...runCols.map(() => 1), ...leads.map(() => -1)], 0, 0);
    }
    // Runs needed at most: the seats still wanted over the capacity, rounded up.
    const total = wanted.reduce((s, e) => s + e.seats, 0);
    const needed = Math.ceil(total / Math.max(1, activity.capacity));
    row(
      allRuns,
      allRuns.map(() => 1),
      0,
      needed,
    );
    // With one start in any `gap` weeks, the span of possible starts holds this many at most.
    const startWeeks = [...runsAt.keys()];
    const span = Math.max(...startWeeks) - Math.min(...startWeeks) + 1;
    maxRuns.set(a, total > activity.capacity ? Math.min(needed, Math.ceil(span / gap)) : needed);
    // Gap between two runs of the course: at most one start in any `gap` consecutive weeks.
    if (total > activity.capacity && gap > 1) {
      for (let w = 0; w + gap - 1 < weeks; w += 1) {
        const idx = [...Array(gap).keys()].flatMap((i) => runsAt.get(w + i) ?? []);
        if (idx.length > 1)
          row(
            idx,
            idx.map(() => 1),
            0,
            1,
          );
      }
    }
    // Coverage: seats met per nation and priority, within the capacity of the runs that may seat them.
    const covers: number[] = [];
    for (const e of wanted) {
      const col = add(
        { kind: 'cover', activity: a, nation: e.nation, priority: e.priority, demand: e.seats },
        priorityWeight(e.priority),
        0,
        e.seats,
        false,
      );
      covers.push(col);
      const runs = runsToNation.get(e.nation) ?? [];
      if (activity.delivery === 'mobile-training-team') continue;
      if (runs.length === 0) row([col], [1], 0, 0);
    }
    // A run holds its capacity, but never more seats than are asked: min(capacity, demand) per
    // run is as true of every plan and far tighter when the demand fills less than one run, so
    // the relaxation no longer buys a seat with a fraction of a room-week.
    const seatsOf = (cols: number[]) =>
      cols.reduce((sum, c) => sum + (columns[c] as CoverColumn).demand, 0);
    if (activity.delivery === 'mobile-training-team') {
      for (const n of nationsWanting) {
        const mine = covers.filter((c) => (columns[c] as CoverColumn).nation === n);
        const runs = runsToNation.get(n) ?? [];
        const perRun = Math.min(activity.capacity, seatsOf(mine));
        row(
          [...mine, ...runs],
          [...mine.map(() => 1), ...runs.map(() => -perRun)],
          Number.NEGATIVE_INFINITY,
          0,
        );
      }
    } else {
      const perRun = Math.min(activity.capacity, seatsOf(covers));
      row(
        [...covers, ...allRuns],
        [...covers.map(() => 1), ...allRuns.map(() => -perRun)],
        Number.NEGATIVE_INFINITY,
        0,
      );
    }
  });

  for (const [k, r] of roomRows) {
    const [v = '0', w = '0'] = k.split('|');
    const venue = input.venues[Number(v)] as PlanVenue;
    const taken = roomUse.get(key(venue.code, Number(w)))?.length ?? 0;
    const free = Math.max(0, venue.rooms - taken);
    row(r.idx, r.val, 0, free);
    roomWeeks.set(Number(v), (roomWeeks.get(Number(v)) ?? 0) + free);
  }
  for (const [k, r] of staffRows) {
    row(r.idx, r.val, 0, 1);
    const s = k.slice(0, k.lastIndexOf('|'));
    staffWeeks.set(s, (staffWeeks.get(s) ?? 0) + 1);
  }

  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    indices.push(...r.idx);
    values.push(...r.val);
    starts.push(indices.length);
  }
  return {
    columns,
    cost: Float64Array.from(cost),
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    integer: Uint8Array.from(integer),
    rowLower: rows.map((r) => r.lo),
    rowUpper: rows.map((r) => r.hi),
    starts,
    indices,
    values,
    blocked,
    conflicts,
    weeks,
    roomWeeks,
    staffWeeks,
    maxRuns,
  };
}
