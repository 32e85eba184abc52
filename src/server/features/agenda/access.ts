import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { notFound } from '../../http/errors.js';
import * as q from './queries.js';

/** Centre staff change agendas, as they edit sessions. */
export const mayEditAgenda = (actor: Actor) => actor.permissions.has('sessions.manage');

/**
 * Who reads a session's agenda. Readers without a nation (centre staff, directors,
 * instructors, observers) read it as it is, draft or published. An NPOC reads a published agenda
 * of a session where their nation has someone selected, a participant one where they are
 * selected; anything else, drafts included, is not found, as another nation's records are.
 */
export async function assertMayRead(
  db: DbOrTx,
  actor: Actor,
  session: q.AgendaSession,
): Promise<void> {
  if (actor.scope.kind === 'all') return;
  const missing = () => notFound(`The agenda of ${session.code}`);
  if (!session.agendaPublishedAt) throw missing();
  const npoc =
    actor.roles.includes('npoc') &&
    actor.nationCode !== null &&
    (await q.nationSelectedOn(db, session.id, actor.nationCode));
  if (npoc) return;
  if (actor.roles.includes('participant') && (await q.userSelectedOn(db, session.id, actor.id))) {
    return;
  }
  throw missing();
}
