import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { ActivityType } from '../../contract/catalogue.js';
import { rulesOfType } from '../../domain/activity-kinds.js';
import { buildCertificatePayload } from '../../domain/certificate-payload.js';
import { addDays, dateIn } from '../../domain/venue-calendar.js';
import type { Tx } from '../db/client.js';
import { certificates, sessionDelivery, trainingSessions } from '../db/schema/index.js';
import { recordAudits } from '../features/audit/record.js';
import { currentSigningKey } from '../features/certificates/keys.js';
import { auditView } from '../features/certificates/presenters.js';
import * as q from '../features/certificates/queries.js';
import { signBytes, signedBytes } from '../features/certificates/signing.js';
import { systemContext } from '../features/context.js';

/**
 * The certificates of the past sessions, as each session's director issued them the day after
 * the results were closed: the certificates feature's own candidates, payload, signature with
 * the centre's key and audit record, a session at a time in bulk (a few hundred certificates
 * one by one would slow the first start). No e-mail: their holders were told at the time.
 */
export async function loadDemoCertificates(tx: Tx, now: Date): Promise<number> {
  const closed = await tx
    .select({
      id: trainingSessions.id,
      closedAt: sessionDelivery.resultsClosedAt,
      directorId: trainingSessions.directorId,
    })
    .from(trainingSessions)
    .innerJoin(sessionDelivery, eq(sessionDelivery.sessionId, trainingSessions.id))
    .where(
      and(eq(trainingSessions.status, 'completed'), isNotNull(sessionDelivery.resultsClosedAt)),
    )
    .orderBy(asc(trainingSessions.endDate));
  const [first] = closed;
  if (!first) return 0;
  const firstDay = addDays((first.closedAt as Date).toISOString().slice(0, 10), 1);
  const key = await currentSigningKey(tx, new Date(`${firstDay}T07:30:00Z`));
  const issuerName = (await q.selectIssuerName(tx)) ?? { en: 'Training centre' };
  let issued = 0;
  for (const session of closed) {
    const day = addDays((session.closedAt as Date).toISOString().slice(0, 10), 1);
    const at = new Date(`${day}T07:30:00Z`);
    const issuedAt = at < now ? at : now;
    const candidates = (
      await q.selectCandidates(tx, { sessionId: session.id, scope: { kind: 'all' } })
    ).filter(
      (c) =>
        c.nominationStatus === 'selected' &&
        c.result === 'completed' &&
        // A visit awards nothing; an event's or an exercise's certificate says attendance.
        rulesOfType(c.activity.type as ActivityType).certificate !== 'none',
    );
    if (candidates.length === 0) continue;
    const rows = candidates.map((candidate) => {
      const id = randomBytes(16).toString('base64url');
      const payload = buildCertificatePayload({
        id,
        sessionLanguage: candidate.session.language,
        participant: candidate.participant,
        activity: { ...candidate.activity, type: candidate.activity.type as ActivityType },
        award: rulesOfType(candidate.activity.type as ActivityType).certificate as
          | 'completion'
          | 'attendance',
        session: { ...candidate.session, venueName: candidate.venue.name },
        issuedOn: dateIn(issuedAt, candidate.venue.timeZone),
        issuerName,
      });
      return {
        id,
        nominationId: candidate.nominationId,
        payload,
        signature: signBytes(key.privateKey, signedBytes(payload)),
        keyId: key.id,
        issuedAt,
        issuedBy: session.directorId,
      };
    });
    const inserted = await tx.insert(certificates).values(rows).returning();
    const ctx = systemContext(tx, 'demo');
    await recordAudits(
      session.directorId ? { ...ctx, actor: { ...ctx.actor, id: session.directorId } } : ctx,
      inserted.map((row) => ({
        action: 'certificate.issued',
        entityType: 'certificate',
        entityId: row.id,
        after: auditView(row),
      })),
    );
    issued += inserted.length;
  }
  return issued;
}
