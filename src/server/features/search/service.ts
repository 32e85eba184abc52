import type { NominationStatus } from '../../../contract/nominations.js';
import type { Permission } from '../../../contract/roles.js';
import type { GlobalSearchResults } from '../../../contract/search.js';
import type { SessionStatus } from '../../../contract/sessions.js';
import type { ServiceContext } from '../context.js';
import * as q from './queries.js';

/**
 * The global search: the first few records of each kind the reader may see whose keys start
 * with every word typed (src/domain/search-text.ts). A kind needs its own read permission;
 * without it that kind comes back empty. The six queries run side by side on the pool.
 */
export async function globalSearch(
  ctx: ServiceContext,
  text: string,
): Promise<GlobalSearchResults> {
  const { tx: db, actor } = ctx;
  const may = (permission: Permission) => actor.permissions.has(permission);
  const [people, sessions, activities, nominations, nations, lecturers] = await Promise.all([
    may('participants.read') ? q.searchPeople(db, actor.scope, text) : [],
    may('sessions.read') ? q.searchSessions(db, actor.scope, text) : [],
    may('catalogue.read') ? q.searchActivities(db, actor.scope, text) : [],
    may('nominations.read') ? q.searchNominations(db, actor, text) : [],
    may('partners.read') ? q.searchNations(db, actor.scope, text) : [],
    may('lecturers.read') ? q.searchLecturers(db, text) : [],
  ]);
  return {
    people,
    sessions: sessions.map((s) => ({ ...s, status: s.status as SessionStatus })),
    activities,
    nominations: nominations.map((n) => ({ ...n, status: n.status as NominationStatus })),
    nations,
    lecturers,
  };
}
