import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  auditCheckpoints,
  outboxMessages,
  passwordTokens,
  signingKeys,
  userIdentities,
  users,
} from '../../db/schema/index.js';

/**
 * Active accounts never signed in to that were sent an invitation, with their latest one:
 * waiting for their holder, or for a new link once it has expired.
 */
export function selectInvitedUsers(db: DbOrTx, limit: number) {
  const latest = db
    .select({
      userId: passwordTokens.userId,
      invitedAt: sql<Date>`max(${passwordTokens.createdAt})`
        .mapWith(passwordTokens.createdAt)
        .as('invited_at'),
      expiresAt: sql<Date>`max(${passwordTokens.expiresAt})`
        .mapWith(passwordTokens.expiresAt)
        .as('expires_at'),
    })
    .from(passwordTokens)
    .where(eq(passwordTokens.purpose, 'invite'))
    .groupBy(passwordTokens.userId)
    .as('latest_invite');
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      invitedAt: latest.invitedAt,
      expiresAt: latest.expiresAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(users)
    .innerJoin(latest, eq(latest.userId, users.id))
    .where(and(eq(users.active, true), isNull(users.lastSignInAt)))
    .orderBy(desc(latest.invitedAt), asc(users.email))
    .limit(limit);
}

/** Roles and nations identity providers proposed, beside what each account holds. */
export function selectProposals(db: DbOrTx) {
  return db
    .select({
      proposal: userIdentities.proposal,
      roles: users.roles,
      nationCode: users.nationCode,
    })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(isNotNull(userIdentities.proposal), eq(users.active, true)));
}

export async function selectOutboxCounts(db: DbOrTx) {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending')::int`,
      failed: sql<number>`count(*) filter (where ${outboxMessages.status} = 'failed')::int`,
    })
    .from(outboxMessages);
  return { pending: row?.pending ?? 0, failed: row?.failed ?? 0 };
}

/** The certificate signing keys, newest first; never their private part. */
export function selectCertificateKeys(db: DbOrTx) {
  return db
    .select({
      id: signingKeys.id,
      algorithm: signingKeys.algorithm,
      publicKey: signingKeys.publicKey,
      createdAt: signingKeys.createdAt,
      retiredAt: signingKeys.retiredAt,
    })
    .from(signingKeys)
    .orderBy(desc(signingKeys.createdAt))
    .limit(10);
}

/**
 * The audit key the latest checkpoint was signed with, and when that key first signed: the
 * key file itself is the server's, read by no request.
 */
export async function selectAuditKey(db: DbOrTx) {
  const [latest] = await db
    .select({ keyId: auditCheckpoints.keyId, signedAt: auditCheckpoints.signedAt })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  if (!latest) return null;
  const [first] = await db
    .select({ at: sql<Date>`min(${auditCheckpoints.signedAt})`.mapWith(auditCheckpoints.signedAt) })
    .from(auditCheckpoints)
    .where(eq(auditCheckpoints.keyId, latest.keyId));
  return { ...latest, firstUsedAt: first?.at ?? latest.signedAt };
}

/** What PostgreSQL itself says of WAL archiving: whether it is on, the last success and failure. */
export async function selectWalArchiving(db: DbOrTx) {
  const { rows } = await db.execute<{
    mode: string;
    last_archived: Date | string | null;
    last_failed: Date | string | null;
  }>(sql`select current_setting('archive_mode') as mode,
                a.last_archived_time as last_archived, a.last_failed_time as last_failed
           from pg_stat_archiver a`);
  const row = rows[0];
  const at = (value: Date | string | null | undefined) =>
    value ? new Date(value).toISOString() : null;
  return {
    walArchiving: row?.mode === 'on' || row?.mode === 'always',
    lastArchivedAt: at(row?.last_archived),
    lastArchiveFailedAt: at(row?.last_failed),
  };
}
