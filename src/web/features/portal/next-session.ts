import type { MyTraining } from '../../../contract/index.js';

type Item = MyTraining['nominations'][number];

/** The selected session that ends soonest from today on: the one to prepare for. */
export function nextSession(items: readonly Item[], today: string): Item | null {
  const upcoming = items
    .filter((n) => n.status === 'selected' && n.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  return upcoming[0] ?? null;
}
