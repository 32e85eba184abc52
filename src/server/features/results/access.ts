import { workingDaysBetween } from '../../../domain/venue-calendar.js';
import type { Actor } from '../../http/actor.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { type JoinedSession, selectSession } from '../sessions/queries.js';
import { selectEvaluationLevels, selectParticipants, teachesSession } from './queries.js';

const isCentreStaff = (actor: Actor) =>
  actor.roles.includes('administrator') || actor.roles.includes('registrar');

/**
 * Who may do what with a session's results: `manage` is centre staff or the session's own
 * course director (instructors mark attendance but do not decide results); `read` (the report)
 * adds the session's instructors and observers; `nation` (the report to nations) is an NPOC's
 * read of a session their nation had officers on, restricted to them by the nation scope.
 */
export type Purpose = 'manage' | 'read' | 'nation';

export interface LoadedSession {
  row: JoinedSession;
  evaluationLevels: number[];
  workingDays: string[];
  /** Whether the actor may write the director's comments (manage rights on this session). */
  manages: boolean;
}

/**
 * A session the actor may reach for `purpose`. One they may not see at all is "not found"; one
 * they see but are not assigned to is "forbidden", as on the selection board.
 */
export async function loadSessionFor(
  ctx: ServiceContext,
  code: string,
  purpose: Purpose,
): Promise<LoadedSession> {
  const row = await selectSession(ctx.tx, ctx.actor.scope, code);
  if (!row) throw notFound(`The session ${code}`);
  const { actor } = ctx;
  const directs = row.session.directorId === actor.id;
  const manages = actor.permissions.has('results.manage') && (isCentreStaff(actor) || directs);
  let allowed = manages;
  if (!allowed && purpose === 'nation') {
    if (isCentreStaff(actor)) allowed = true;
    else if (actor.scope.kind === 'nation' && actor.roles.includes('npoc')) {
      // A nation with nobody on the session is told it does not exist, as for another record.
      const own = await selectParticipants(ctx.tx, row.session.id, actor.scope);
      if (own.length === 0) throw notFound(`The session ${code}`);
      allowed = true;
    }
  }
  if (!allowed && purpose === 'read') {
    allowed =
      isCentreStaff(actor) ||
      directs ||
      actor.roles.includes('observer') ||
      (await teachesSession(ctx.tx, row.session.id, actor.id));
  }
  if (!allowed) throw forbidden();
  const { venue, session } = row;
  return {
    row,
    evaluationLevels: await selectEvaluationLevels(ctx.tx, row.activity.id),
    workingDays: workingDaysBetween(
      session.startDate,
      session.endDate,
      venue.workingDays,
      venue.holidays,
    ),
    manages,
  };
}
