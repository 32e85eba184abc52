import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { StoredAnswers } from '../../../domain/surveys.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  nominations,
  participants,
  surveyInvitations,
  surveyResponses,
  surveyTemplates,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';

// ---- invitations and answers ----

const invitationColumns = {
  invitation: surveyInvitations,
  template: surveyTemplates,
  session: {
    id: trainingSessions.id,
    code: trainingSessions.code,
    startDate: trainingSessions.startDate,
    endDate: trainingSessions.endDate,
    timeZone: venues.timeZone,
  },
  activityTitle: activities.title,
  participant: {
    userId: participants.userId,
    givenNamesLatin: participants.givenNamesLatin,
    familyNameLatin: participants.familyNameLatin,
    givenNamesArabic: participants.givenNamesArabic,
    familyNameArabic: participants.familyNameArabic,
    nationCode: participants.nationCode,
  },
};

function invitationQuery(db: DbOrTx) {
  return db
    .select(invitationColumns)
    .from(surveyInvitations)
    .innerJoin(surveyTemplates, eq(surveyTemplates.id, surveyInvitations.templateId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, surveyInvitations.sessionId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(nominations, eq(nominations.id, surveyInvitations.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId));
}
export type LoadedInvitation = NonNullable<Awaited<ReturnType<typeof selectOwnInvitation>>>;

/** A participant's own invitation: another person's is as absent as a missing one. */
export async function selectOwnInvitation(db: DbOrTx, id: string, userId: string, lock = false) {
  const query = invitationQuery(db).where(
    and(
      eq(surveyInvitations.id, id),
      eq(surveyInvitations.respondent, 'participant'),
      eq(participants.userId, userId),
    ),
  );
  const [row] = await (lock ? query.for('update', { of: surveyInvitations }) : query);
  return row;
}

export async function selectInvitationByToken(db: DbOrTx, tokenHash: string, lock = false) {
  const query = invitationQuery(db).where(
    and(eq(surveyInvitations.tokenHash, tokenHash), eq(surveyInvitations.respondent, 'supervisor')),
  );
  const [row] = await (lock ? query.for('update', { of: surveyInvitations }) : query);
  return row;
}

/** The signed-in participant's invitations still open at `now` and not answered. */
export async function selectMyOpenInvitations(db: DbOrTx, userId: string, now: Date) {
  return invitationQuery(db)
    .where(
      and(
        eq(participants.userId, userId),
        eq(surveyInvitations.respondent, 'participant'),
        isNull(surveyInvitations.answeredAt),
        gt(surveyInvitations.closesAt, now),
      ),
    )
    .orderBy(asc(surveyInvitations.closesAt), asc(surveyInvitations.id));
}

/** Sets answered_at once: two answers racing find only one row to update. */
export async function markAnswered(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(surveyInvitations)
    .set({ answeredAt: now })
    .where(
      and(
        eq(surveyInvitations.id, id),
        isNull(surveyInvitations.answeredAt),
        gt(surveyInvitations.closesAt, now),
      ),
    )
    .returning({ id: surveyInvitations.id });
  return rows.length > 0;
}

export async function insertResponse(
  db: DbOrTx,
  values: {
    sessionId: string;
    templateId: string;
    level: number;
    respondent: string;
    invitationId: string | null;
    answers: StoredAnswers;
    submittedAt: Date;
  },
) {
  await db.insert(surveyResponses).values({
    ...values,
    // The column is typed for the first draft of answers; choices are stored as positions.
    answers: values.answers as unknown as Record<string, number | string | string[]>,
  });
}

// ---- supervisors ----

export async function selectSelectedNominations(db: DbOrTx, sessionId: string) {
  return db
    .select({
      nominationId: nominations.id,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameLatin: participants.familyNameLatin,
      nationCode: nominations.nationCode,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'selected')))
    .orderBy(asc(participants.familyNameLatin), asc(nominations.id));
}

export async function selectSessionInvitations(
  db: DbOrTx,
  sessionId: string,
  level: number,
  respondent: string,
) {
  return db
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.sessionId, sessionId),
        eq(surveyInvitations.level, level),
        eq(surveyInvitations.respondent, respondent),
      ),
    );
}

export async function upsertPendingSupervisor(
  db: DbOrTx,
  values: typeof surveyInvitations.$inferInsert,
) {
  await db
    .insert(surveyInvitations)
    .values(values)
    .onConflictDoUpdate({
      target: [
        surveyInvitations.nominationId,
        surveyInvitations.level,
        surveyInvitations.respondent,
      ],
      set: { email: values.email },
      where: isNull(surveyInvitations.tokenHash),
    });
}

export async function deletePendingSupervisor(db: DbOrTx, id: string) {
  await db
    .delete(surveyInvitations)
    .where(and(eq(surveyInvitations.id, id), isNull(surveyInvitations.tokenHash)));
}

/** Puts a new secret's hash on the unanswered invitation holding the old one; its id, or null. */
export async function replaceTokenHash(
  db: DbOrTx,
  oldHash: string,
  newHash: string,
): Promise<string | null> {
  const [row] = await db
    .update(surveyInvitations)
    .set({ tokenHash: newHash })
    .where(and(eq(surveyInvitations.tokenHash, oldHash), isNull(surveyInvitations.answeredAt)))
    .returning({ id: surveyInvitations.id });
  return row?.id ?? null;
}
