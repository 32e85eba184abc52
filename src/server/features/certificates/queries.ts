import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  certificates,
  institutions,
  nominations,
  participantResults,
  participants,
  signingKeys,
  trainingSessions,
  users,
  venues,
} from '../../db/schema/index.js';

export type CertificateRow = typeof certificates.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** The newest key that is not retired: the one that signs. */
export async function selectSigningKey(db: DbOrTx) {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.id))
    .limit(1);
  return row;
}

/** Every key, retired ones too: certificates they signed still verify. */
export async function selectVerificationKeys(db: DbOrTx) {
  return db
    .select({ id: signingKeys.id, publicKey: signingKeys.publicKey })
    .from(signingKeys)
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
}

export async function selectVerificationKey(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: signingKeys.id, publicKey: signingKeys.publicKey })
    .from(signingKeys)
    .where(eq(signingKeys.id, id));
  return row;
}

/** Adds a key unless one with that id exists; true when this call added it. */
export async function insertSigningKey(db: DbOrTx, values: typeof signingKeys.$inferInsert) {
  const rows = await db
    .insert(signingKeys)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: signingKeys.id });
  return rows.length > 0;
}

/** Whether the key id is taken, for choosing the next free one. */
export async function signingKeyIdTaken(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: signingKeys.id })
    .from(signingKeys)
    .where(eq(signingKeys.id, id));
  return row !== undefined;
}

/** The centre that issues: the host institution (the first by code if there are several). */
export async function selectIssuerName(db: DbOrTx) {
  const [row] = await db
    .select({ name: institutions.name })
    .from(institutions)
    .orderBy(desc(institutions.host), asc(institutions.code))
    .limit(1);
  return row?.name;
}

/** A result reads completed from the confirmed result row or the nomination's copy of it. */
export const resultOf = sql<
  string | null
>`coalesce(${participantResults.status}, ${nominations.result})`.as('result');

/**
 * Selected nominations of a session with all a certificate prints, their result, their live
 * certificate id and whom to tell of it, in roster order. `nominationId` narrows to one; `lock` holds the
 * nominations so two issuers cannot both find them uncertified.
 */
export async function selectCandidates(
  db: DbOrTx,
  where: { sessionId?: string; nominationId?: string; scope: NationScope },
  lock = false,
) {
  const query = db
    .select({
      nominationId: nominations.id,
      nominationStatus: nominations.status,
      nationCode: nominations.nationCode,
      eventRole: nominations.eventRole,
      result: resultOf,
      participant: {
        givenNamesLatin: participants.givenNamesLatin,
        familyNameLatin: participants.familyNameLatin,
        givenNamesArabic: participants.givenNamesArabic,
        familyNameArabic: participants.familyNameArabic,
        email: participants.email,
      },
      /** The participant's own account, if any: where the news of a certificate goes first. */
      account: {
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        locale: users.locale,
      },
      session: {
        id: trainingSessions.id,
        code: trainingSessions.code,
        startDate: trainingSessions.startDate,
        endDate: trainingSessions.endDate,
        language: trainingSessions.language,
        directorId: trainingSessions.directorId,
      },
      activity: { code: activities.code, title: activities.title, type: activities.type },
      venue: { name: venues.name, timeZone: venues.timeZone },
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .leftJoin(users, eq(users.id, participants.userId))
    .leftJoin(participantResults, eq(participantResults.nominationId, nominations.id))
    .where(
      and(
        where.sessionId ? eq(nominations.sessionId, where.sessionId) : undefined,
        where.nominationId ? eq(nominations.id, where.nominationId) : undefined,
        where.scope.kind === 'nation'
          ? eq(nominations.nationCode, where.scope.nationCode)
          : undefined,
      ),
    )
    .orderBy(
      asc(nominations.nationCode),
      asc(sql`lower(${participants.familyNameLatin})`),
      asc(nominations.id),
    );
  return lock ? query.for('update', { of: nominations }) : query;
}

export type Candidate = Awaited<ReturnType<typeof selectCandidates>>[number];

/** The live certificates of these nominations, by nomination. */
export async function selectLiveCertificates(db: DbOrTx, sessionId: string) {
  return db
    .select({ certificate: certificates })
    .from(certificates)
    .innerJoin(nominations, eq(nominations.id, certificates.nominationId))
    .where(and(eq(nominations.sessionId, sessionId), isNull(certificates.revokedAt)));
}

/** Every certificate of a session's nominations, newest first, for the staff page. */
export async function selectSessionCertificates(db: DbOrTx, sessionId: string) {
  return db
    .select({ certificate: certificates })
    .from(certificates)
    .innerJoin(nominations, eq(nominations.id, certificates.nominationId))
    .where(eq(nominations.sessionId, sessionId))
    .orderBy(desc(certificates.issuedAt), desc(certificates.id));
}

export async function insertCertificate(db: DbOrTx, values: typeof certificates.$inferInsert) {
  const [row] = await db.insert(certificates).values(values).returning();
  if (!row) throw new Error('certificate insert returned nothing');
  return row;
}

/**
 * One certificate with who may read it: its nation (for scoping), the holder's account and
 * the session's director.
 */
export async function selectCertificate(db: DbOrTx, id: string, lock = false) {
  const query = db
    .select({
      certificate: certificates,
      nationCode: nominations.nationCode,
      holderUserId: participants.userId,
      sessionId: trainingSessions.id,
      directorId: trainingSessions.directorId,
    })
    .from(certificates)
    .innerJoin(nominations, eq(nominations.id, certificates.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(eq(certificates.id, id));
  const [row] = await (lock ? query.for('update', { of: certificates }) : query);
  return row;
}

export type ScopedCertificate = NonNullable<Awaited<ReturnType<typeof selectCertificate>>>;

export async function markRevoked(db: DbOrTx, id: string, by: string | null, reason: string) {
  const [row] = await db
    .update(certificates)
    .set({ revokedAt: new Date(), revokedBy: by, revokeReason: reason })
    .where(and(eq(certificates.id, id), isNull(certificates.revokedAt)))
    .returning();
  return row;
}

/** A participant account's certificates, revoked ones too, newest first. */
export async function selectCertificatesOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ certificate: certificates })
    .from(certificates)
    .innerJoin(nominations, eq(nominations.id, certificates.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(eq(participants.userId, userId))
    .orderBy(desc(certificates.issuedAt), desc(certificates.id));
}

/** Only for lookups by id from the public: the row or nothing, no joins that could differ. */
export async function selectCertificateById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return row;
}

/** Whether the user teaches this session. */
export { isSessionInstructor } from '../logistics/queries.js';

/** A key with its private half, to sign with the key a certificate names. */
export async function selectSigningKeyById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.id, id));
  return row;
}
