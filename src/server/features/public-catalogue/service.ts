import type { PublicActivity, PublicCatalogue } from '../../../contract/public-catalogue.js';
import type { DbOrTx } from '../../db/client.js';
import { selectPublicSessions } from './queries.js';

/**
 * The year's public catalogue: public, active activities with their sessions of the year that
 * are announced or later. Mapped field by field, so nothing else (quotas, seats, staff) leaves.
 */
export async function getPublicCatalogue(db: DbOrTx, year: number): Promise<PublicCatalogue> {
  const rows = await selectPublicSessions(db, year);
  const byCode = new Map<string, PublicActivity>();
  for (const { activity: a, session: s, venue: v } of rows) {
    let entry = byCode.get(a.code);
    if (!entry) {
      entry = {
        code: a.code,
        title: a.title,
        description: a.description,
        durationDays: a.durationDays,
        delivery: a.delivery as PublicActivity['delivery'],
        language: a.language,
        prerequisites: a.prerequisites,
        sessions: [],
      };
      byCode.set(a.code, entry);
    }
    entry.sessions.push({
      code: s.code,
      startDate: s.startDate,
      endDate: s.endDate,
      language: s.language,
      venue: { name: v.name, city: v.city, countryCode: v.countryCode },
    });
  }
  return { year, activities: [...byCode.values()] };
}
