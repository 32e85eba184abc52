import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DocumentAudience } from '../../../contract/documents.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  documents,
  nominations,
  participants,
  sessionInstructors,
  sessionQuotas,
  trainingSessions,
  users,
} from '../../db/schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = typeof documents.$inferInsert;

/** What a document belongs to: an activity (every run of it) or one session. */
export type DocumentOwner =
  | { kind: 'activity'; activityId: string; code: string }
  | {
      kind: 'session';
      sessionId: string;
      activityId: string;
      code: string;
      directorId: string | null;
    };

const columns = {
  document: documents,
  uploaderName: users.displayName,
  sessionCode: trainingSessions.code,
  activityCode: activities.code,
};

/** A document with its uploader's name and its owner's code. */
export type ListedDocument = {
  document: DocumentRow;
  uploaderName: string | null;
  sessionCode: string | null;
  activityCode: string | null;
};

function listedQuery(db: DbOrTx) {
  return db
    .select(columns)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .leftJoin(trainingSessions, eq(trainingSessions.id, documents.sessionId))
    .leftJoin(activities, eq(activities.id, documents.activityId));
}

/** An owner's documents for the audiences given, newest first within kind. */
export function selectDocuments(
  db: DbOrTx,
  owner: DocumentOwner,
  audiences: DocumentAudience[],
): Promise<ListedDocument[]> {
  const ownerIs =
    owner.kind === 'session'
      ? eq(documents.sessionId, owner.sessionId)
      : eq(documents.activityId, owner.activityId);
  return listedQuery(db)
    .where(and(ownerIs, inArray(documents.audience, audiences)))
    .orderBy(asc(documents.kind), sql`${documents.uploadedAt} desc`, asc(documents.id));
}

/** One document by id, whoever asks; the service decides whether the reader may have it. */
export async function selectDocument(db: DbOrTx, id: string): Promise<ListedDocument | null> {
  const [row] = await listedQuery(db).where(eq(documents.id, id));
  return row ?? null;
}

/** The owner a document belongs to, as the access rules need it. */
export async function selectOwnerOf(db: DbOrTx, row: DocumentRow): Promise<DocumentOwner | null> {
  if (row.sessionId) {
    const [session] = await db
      .select({
        id: trainingSessions.id,
        code: trainingSessions.code,
        activityId: trainingSessions.activityId,
        directorId: trainingSessions.directorId,
      })
      .from(trainingSessions)
      .where(eq(trainingSessions.id, row.sessionId));
    return session
      ? {
          kind: 'session',
          sessionId: session.id,
          activityId: session.activityId,
          code: session.code,
          directorId: session.directorId,
        }
      : null;
  }
  if (!row.activityId) return null;
  const [activity] = await db
    .select({ id: activities.id, code: activities.code })
    .from(activities)
    .where(eq(activities.id, row.activityId));
  return activity ? { kind: 'activity', activityId: activity.id, code: activity.code } : null;
}

/** The activity's id by its code (its visibility is checked by the catalogue's service first). */
export async function selectActivityId(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.code, code));
  return row?.id ?? null;
}

/** The sessions an owner stands for: the one session, or every session of the activity. */
const ownerSessions = (owner: DocumentOwner) =>
  owner.kind === 'session'
    ? sql`(${owner.sessionId}::uuid)`
    : sql`(select id from training_sessions where activity_id = ${owner.activityId})`;

/** Whether the user instructs the session. */
export async function instructs(db: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(sessionInstructors)
    .where(and(eq(sessionInstructors.sessionId, sessionId), eq(sessionInstructors.userId, userId)));
  return row !== undefined;
}

/**
 * Whether a nation takes part: a quota on the session (of an activity: on one of its sessions),
 * or a nomination its NPOC submitted there (drafts and proposals not yet submitted do not count).
 */
export async function nationTakesPart(
  db: DbOrTx,
  owner: DocumentOwner,
  nationCode: string,
): Promise<boolean> {
  const sessions = ownerSessions(owner);
  const result = await db.execute<{ takes_part: boolean }>(sql`
    select exists (
      select 1 from ${sessionQuotas}
       where ${sessionQuotas.sessionId} in ${sessions}
         and ${sessionQuotas.nationCode} = ${nationCode} and ${sessionQuotas.seats} > 0
    ) or exists (
      select 1 from ${nominations}
       where ${nominations.sessionId} in ${sessions}
         and ${nominations.nationCode} = ${nationCode}
         and ${nominations.status} not in ('draft', 'proposed')
    ) as takes_part`);
  return result.rows[0]?.takes_part === true;
}

/** Whether the user is a participant selected on the session (of an activity: on one of them). */
export async function selectedThere(
  db: DbOrTx,
  owner: DocumentOwner,
  userId: string,
): Promise<boolean> {
  const result = await db.execute<{ selected: boolean }>(sql`
    select exists (
      select 1 from ${nominations}
        join ${participants} on ${participants.id} = ${nominations.participantId}
       where ${nominations.sessionId} in ${ownerSessions(owner)}
         and ${participants.userId} = ${userId}
         and ${nominations.status} = 'selected'
    ) as selected`);
  return result.rows[0]?.selected === true;
}

export async function insertDocument(db: DbOrTx, row: NewDocumentRow): Promise<DocumentRow> {
  const [inserted] = await db.insert(documents).values(row).returning();
  if (!inserted) throw new Error('the document was not inserted');
  return inserted;
}

/** Deletes the row, locked against a second delete; null when it was already gone. */
export async function deleteDocument(db: DbOrTx, id: string): Promise<DocumentRow | null> {
  const [deleted] = await db.delete(documents).where(eq(documents.id, id)).returning();
  return deleted ?? null;
}
