import type { MyTraining } from '../../../contract/index.js';

type Item = MyTraining['nominations'][number];

/** The selected sessions not yet over, soonest first: the first is the one to prepare for. */
export function upcomingSessions(items: readonly Item[], today: string): Item[] {
  return items
    .filter((n) => n.status === 'selected' && n.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/** The selected session that comes next from today on. */
export function nextSession(items: readonly Item[], today: string): Item | null {
  return upcomingSessions(items, today)[0] ?? null;
}
