import type { LagReason, Progress } from '../contract/programmes.js';

/** A planned activity as the progress sees it. */
export interface PlannedLine {
  id: string;
  activityId: string | null;
  years: readonly number[];
  seatsPlanned: number;
}

/** Seats given to the programme's nation on one session. */
export interface SessionFact {
  activityId: string;
  year: number;
  /** The nation's quota seats on the session. */
  offered: number;
  /** Completed sessions are delivered; cancelled ones count for nothing. */
  status: string;
}

/** One of the nation's nominations. */
export interface NominationFact {
  activityId: string;
  year: number;
  plannedActivityId: string | null;
  status: string;
  result: string | null;
}

/** Not counted as nominated: never sent, pulled out, replaced, or ended with a cancelled session. */
const NOT_NOMINATED = new Set(['draft', 'withdrawn', 'substituted', 'session-cancelled']);

export type Counts = Omit<Progress, 'lagReasons'>;

const zero = (): Counts => ({
  planned: 0,
  offered: 0,
  nominated: 0,
  selected: 0,
  completed: 0,
  noShows: 0,
});

function add(a: Counts, b: Counts): Counts {
  return {
    planned: a.planned + b.planned,
    offered: a.offered + b.offered,
    nominated: a.nominated + b.nominated,
    selected: a.selected + b.selected,
    completed: a.completed + b.completed,
    noShows: a.noShows + b.noShows,
  };
}

/**
 * Why a line lags, in the order a reader would fix them. A line that reached its plan does not
 * lag; nothing offered means no session was scheduled (or no quota given) for the nation.
 */
export function lagReasons(counts: Counts, sessionsScheduled: number): LagReason[] {
  if (counts.completed >= counts.planned) return [];
  const reasons: LagReason[] = [];
  if (sessionsScheduled === 0 || counts.offered === 0) reasons.push('no-session-scheduled');
  if (counts.offered > counts.nominated) reasons.push('quota-not-used');
  if (counts.noShows > 0 && counts.selected > counts.completed) reasons.push('no-shows');
  if (counts.selected > counts.completed + counts.noShows) reasons.push('not-yet-delivered');
  return reasons;
}

export interface LineProgress {
  total: Progress;
  byYear: (Progress & { year: number })[];
}

/**
 * One planned activity's progress, per year and in total. A catalogue activity counts the
 * sessions of that activity in the planned years; free text counts only the nominations linked
 * to it. Planned seats are spread evenly over the years, the remainder on the first ones.
 */
export function lineProgress(
  line: PlannedLine,
  sessions: readonly SessionFact[],
  nominations: readonly NominationFact[],
): LineProgress {
  const years = [...new Set(line.years)].sort((a, b) => a - b);
  const share = Math.floor(line.seatsPlanned / Math.max(years.length, 1));
  const extra = line.seatsPlanned - share * years.length;
  const byYear = years.map((year, index) => {
    const counts = zero();
    counts.planned = share + (index < extra ? 1 : 0);
    let scheduled = 0;
    for (const s of sessions) {
      if (line.activityId === null || s.activityId !== line.activityId || s.year !== year) continue;
      if (s.status === 'cancelled') continue;
      scheduled += 1;
      counts.offered += s.offered;
    }
    for (const n of nominations) {
      if (n.year !== year) continue;
      const serves =
        n.plannedActivityId === line.id ||
        (line.activityId !== null &&
          n.plannedActivityId === null &&
          n.activityId === line.activityId);
      if (!serves || NOT_NOMINATED.has(n.status)) continue;
      counts.nominated += 1;
      if (n.status === 'selected') {
        counts.selected += 1;
        if (n.result === 'completed') counts.completed += 1;
        if (n.result === 'no-show') counts.noShows += 1;
      }
    }
    return { year, ...counts, lagReasons: lagReasons(counts, scheduled) };
  });
  return { total: rollUp(byYear), byYear };
}

/** Sums progress lines; a sum lags for every reason one of its lines lags. */
export function rollUp(lines: readonly Progress[]): Progress {
  const counts = lines.reduce<Counts>((sum, l) => add(sum, l), zero());
  const reasons = new Set(lines.flatMap((l) => l.lagReasons));
  const ordered = (
    ['no-session-scheduled', 'quota-not-used', 'no-shows', 'not-yet-delivered'] as const
  ).filter((r) => reasons.has(r));
  return { ...counts, lagReasons: counts.completed >= counts.planned ? [] : ordered };
}

/** Per-year sums across lines. */
export function rollUpYears(
  lines: readonly (readonly (Progress & { year: number })[])[],
): (Progress & { year: number })[] {
  const byYear = new Map<number, Progress[]>();
  for (const line of lines)
    for (const y of line) byYear.set(y.year, [...(byYear.get(y.year) ?? []), y]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, ps]) => ({ year, ...rollUp(ps) }));
}
