import { desc, eq } from 'drizzle-orm';
import type {
  CertificateEventData,
  ImportCommittedData,
  NominationDecidedData,
  SessionChangedData,
} from '../../../contract/webhooks.js';
import type { NominationAtChange, SessionFieldChange } from '../../../domain/session-changes.js';
import type { DbOrTx } from '../../db/client.js';
import {
  certificates,
  nominationEvents,
  nominations,
  participants,
  trainingSessions,
} from '../../db/schema/index.js';
import { presentCertificate } from '../certificates/presenters.js';
import { anyoneListens, emitWebhookEvent } from './emit.js';

/**
 * The events Rabita's own features emit, each built in the transaction of the change: what the
 * centre's endpoints receive, and per nation what that nation's endpoints may (its own records,
 * as its NPOC reads them). Every builder returns at once when no endpoint asked for the event.
 */

/** The decisions `nomination.decided` tells of, by the action that made them. */
const DECISIONS = new Set(['select', 'promote', 'waitlist', 'reject', 'withdraw', 'decline']);

export async function emitNominationDecided(
  tx: DbOrTx,
  nominationId: string,
  action: string,
): Promise<void> {
  if (!DECISIONS.has(action) || !(await anyoneListens(tx, 'nomination.decided'))) return;
  const [row] = await tx
    .select({
      nomination: {
        id: nominations.id,
        nationCode: nominations.nationCode,
        status: nominations.status,
      },
      session: {
        id: trainingSessions.id,
        code: trainingSessions.code,
        startDate: trainingSessions.startDate,
        endDate: trainingSessions.endDate,
      },
      participant: {
        id: participants.id,
        familyNameLatin: participants.familyNameLatin,
        givenNamesLatin: participants.givenNamesLatin,
      },
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(eq(nominations.id, nominationId));
  if (!row) return;
  const [last] = await tx
    .select()
    .from(nominationEvents)
    .where(eq(nominationEvents.nominationId, nominationId))
    .orderBy(desc(nominationEvents.id))
    .limit(1);
  const data: NominationDecidedData = {
    nominationId,
    nationCode: row.nomination.nationCode,
    status: row.nomination.status as NominationDecidedData['status'],
    previousStatus: (last?.fromStatus ?? row.nomination.status) as NominationDecidedData['status'],
    action: last?.action ?? action,
    reason: last?.reason ?? null,
    decidedAt: (last?.at ?? new Date()).toISOString(),
    session: row.session,
    participant: row.participant,
  };
  // A selection over a clash names the person's other session, which may not be the nation's
  // to read (it is the centre's written reason); the nation hears of the decision without it.
  const forNation = data.action === 'select-over-conflict' ? { ...data, reason: null } : data;
  await emitWebhookEvent(tx, {
    type: 'nomination.decided',
    data,
    nations: { [data.nationCode]: forNation },
  });
}

export interface SessionChangeEvent {
  sessionId: string;
  kind: 'updated' | 'cancelled' | 'announced';
  changes: readonly SessionFieldChange[];
  reason: string | null;
  nominations: readonly NominationAtChange[];
}

/**
 * `session.changed` or `session.cancelled`. The centre hears of every nomination the change
 * concerns; each nation with nominations among them hears of its own only.
 */
export async function emitSessionChange(tx: DbOrTx, change: SessionChangeEvent): Promise<void> {
  if (change.kind === 'announced') return;
  const type = change.kind === 'cancelled' ? 'session.cancelled' : 'session.changed';
  if (!(await anyoneListens(tx, type))) return;
  const [session] = await tx
    .select({
      code: trainingSessions.code,
      status: trainingSessions.status,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, change.sessionId));
  if (!session) return;
  const data: SessionChangedData = {
    sessionId: change.sessionId,
    code: session.code,
    kind: change.kind,
    status: session.status,
    startDate: session.startDate,
    endDate: session.endDate,
    changes: change.changes.map((c) => ({ ...c })),
    reason: change.reason,
    nominations: change.nominations.map((n) => ({
      id: n.id,
      nationCode: n.nationCode,
      status: n.status,
    })),
  };
  const nations: Record<string, SessionChangedData> = {};
  for (const code of new Set(data.nominations.map((n) => n.nationCode)))
    nations[code] = { ...data, nominations: data.nominations.filter((n) => n.nationCode === code) };
  await emitWebhookEvent(tx, { type, data, nations });
}

/** `certificate.issued` or `certificate.revoked`, to the centre and to the holder's nation. */
export async function emitCertificateEvent(
  tx: DbOrTx,
  type: 'certificate.issued' | 'certificate.revoked',
  certificateId: string,
): Promise<void> {
  if (!(await anyoneListens(tx, type))) return;
  const [row] = await tx
    .select({
      certificate: certificates,
      nationCode: nominations.nationCode,
      participantId: nominations.participantId,
      sessionCode: trainingSessions.code,
    })
    .from(certificates)
    .innerJoin(nominations, eq(nominations.id, certificates.nominationId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(eq(certificates.id, certificateId));
  if (!row) return;
  const presented = presentCertificate(row.certificate);
  const data: CertificateEventData = {
    certificateId,
    nominationId: presented.nominationId,
    nationCode: row.nationCode,
    participantId: row.participantId,
    sessionCode: row.sessionCode,
    issuedAt: presented.issuedAt,
    revokedAt: presented.revokedAt,
    revokeReason: presented.revokeReason,
    verifyUrl: presented.verifyUrl,
  };
  await emitWebhookEvent(tx, { type, data, nations: { [row.nationCode]: data } });
}

/**
 * `import.committed`, for the import feature to call in its commit's transaction, after the rows
 * are written. An import of one nation's records (its people, its contacts) is also told to that
 * nation's endpoints; an import of the centre's own records (catalogue, sessions) only to the
 * centre's.
 */
export async function emitImportCommitted(tx: DbOrTx, data: ImportCommittedData): Promise<void> {
  await emitWebhookEvent(tx, {
    type: 'import.committed',
    data,
    ...(data.nationCode ? { nations: { [data.nationCode]: data } } : {}),
  });
}
