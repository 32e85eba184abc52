import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Role } from '../../contract/roles.js';
import { nationScopeOf, permissionsOf } from '../../domain/access.js';
import { addDays } from '../../domain/venue-calendar.js';
import type { Tx } from '../db/client.js';
import { sessionDelivery, trainingSessions, users } from '../db/schema/index.js';
import { issueSessionCertificates } from '../features/certificates/service.js';
import type { ServiceContext } from '../features/context.js';

/**
 * The certificates of the past sessions, issued through the certificates service by each
 * session's own director the day after the results were closed (signed with the centre's key,
 * audited), without the e-mails: their holders were told when they were issued.
 */
export async function loadDemoCertificates(tx: Tx, now: Date): Promise<number> {
  const closed = await tx
    .select({
      code: trainingSessions.code,
      closedAt: sessionDelivery.resultsClosedAt,
      director: { id: users.id, email: users.email, displayName: users.displayName },
    })
    .from(trainingSessions)
    .innerJoin(sessionDelivery, eq(sessionDelivery.sessionId, trainingSessions.id))
    .innerJoin(users, eq(users.id, trainingSessions.directorId))
    .where(
      and(eq(trainingSessions.status, 'completed'), isNotNull(sessionDelivery.resultsClosedAt)),
    )
    .orderBy(asc(trainingSessions.endDate));
  let issued = 0;
  for (const session of closed) {
    const roles: Role[] = ['course_director'];
    const ctx: ServiceContext = {
      tx,
      requestId: 'demo',
      actor: {
        ...session.director,
        roles,
        nationCode: null,
        locale: 'en',
        permissions: permissionsOf(roles),
        scope: nationScopeOf({ roles, nationCode: null }),
        via: { kind: 'token', tokenId: 'demo' },
      },
    };
    const closedAt = session.closedAt as Date;
    const day = addDays(closedAt.toISOString().slice(0, 10), 1);
    const at = new Date(`${day}T07:30:00Z`);
    const outcome = await issueSessionCertificates(ctx, session.code, at < now ? at : now, {
      announce: false,
    });
    issued += outcome.issued.length;
  }
  return issued;
}
