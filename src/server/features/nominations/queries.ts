import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  lte,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { NominationListQuery, NominationStatus } from '../../../contract/nominations.js';
import type { DbOrTx } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import {
  activities,
  nations,
  nominationEvents,
  nominations,
  participants,
  sessionInstructors,
  sessionQuotas,
  trainingSessions,
  users,
  venues,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { SYSTEM_ACTOR_ID } from '../audit/record.js';
import { visibleSessions } from '../sessions/queries.js';

export type NominationRow = typeof nominations.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;

/** Statuses in which a nomination still waits for, or holds, a place. */
export const LIVE_STATUSES: NominationStatus[] = [
  'draft',
  'proposed',
  'invited',
  'submitted',
  'waitlisted',
  'selected',
];

const columns = {
  nomination: nominations,
  participant: {
    id: participants.id,
    familyNameLatin: participants.familyNameLatin,
    givenNamesLatin: participants.givenNamesLatin,
    familyNameArabic: participants.familyNameArabic,
    givenNamesArabic: participants.givenNamesArabic,
    rankCode: participants.rankCode,
    rankTitle: participants.rankTitle,
    email: participants.email,
    userId: participants.userId,
  },
  session: {
    id: trainingSessions.id,
    code: trainingSessions.code,
    startDate: trainingSessions.startDate,
    endDate: trainingSessions.endDate,
    status: trainingSessions.status,
    directorId: trainingSessions.directorId,
    venueCode: trainingSessions.venueCode,
  },
  activity: { code: activities.code, title: activities.title, type: activities.type },
  venue: { name: venues.name, timeZone: venues.timeZone },
};

export type JoinedNomination = {
  nomination: NominationRow;
  participant: {
    id: string;
    familyNameLatin: string;
    givenNamesLatin: string;
    familyNameArabic: string | null;
    givenNamesArabic: string | null;
    rankCode: string;
    rankTitle: string | null;
    email: string | null;
    userId: string | null;
  };
  session: {
    id: string;
    code: string;
    startDate: string;
    endDate: string;
    status: string;
    directorId: string | null;
    venueCode: string;
  };
  activity: { code: string; title: { en: string; fr?: string; ar?: string }; type: string };
  venue: { name: { en: string; fr?: string; ar?: string }; timeZone: string };
};

function joined(db: DbOrTx) {
  return db
    .select(columns)
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode));
}

const CENTRE_WIDE = ['administrator', 'registrar', 'observer'] as const;

/**
 * Which nominations a reader may see, as a `where` condition. A nation's people see only their
 * nation's (a participant only their own, a nominator only what they proposed) and only on
 * sessions they may see; a course director or instructor sees the sessions they are assigned to.
 */
export function visibleNominations(actor: Actor): SQL | undefined {
  if (actor.scope.kind === 'nation') {
    const own = and(
      eq(nominations.nationCode, actor.scope.nationCode),
      visibleSessions(actor.scope),
    );
    if (actor.roles.includes('npoc')) return own;
    if (actor.roles.includes('nominator')) return and(own, eq(nominations.proposedBy, actor.id));
    return and(own, eq(participants.userId, actor.id));
  }
  if (actor.roles.some((role) => (CENTRE_WIDE as readonly string[]).includes(role))) {
    return undefined;
  }
  return sql`(${trainingSessions.directorId} = ${actor.id} or exists (select 1 from ${sessionInstructors} si where si.session_id = ${trainingSessions.id} and si.user_id = ${actor.id}))`;
}

const nominationById = preparedStatement((db) =>
  joined(db)
    .where(eq(nominations.id, sql.placeholder('id')))
    .prepare('rabita_nomination'),
);
const nominationByIdLocked = preparedStatement((db) =>
  joined(db)
    .where(eq(nominations.id, sql.placeholder('id')))
    .for('update', { of: nominations })
    .prepare('rabita_nomination_locked'),
);
const nominationByIdLockedWithPerson = preparedStatement((db) =>
  joined(db)
    .where(eq(nominations.id, sql.placeholder('id')))
    .for('update', { of: [nominations, participants] })
    .prepare('rabita_nomination_locked_with_person'),
);

/**
 * What a read locks until the commit: nothing, the nomination (`true`), or the nomination and
 * its person (`'with-person'`, for a selection: see `refuseOverlappingSelection`).
 */
export type NominationLock = boolean | 'with-person';

/** One nomination the reader may see; a null reader is the system (jobs, promotions). */
export async function selectNomination(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  lock: NominationLock = false,
): Promise<JoinedNomination | undefined> {
  const scope = actor ? visibleNominations(actor) : undefined;
  if (!scope) {
    // Centre-wide readers and the system: the same statement every time, prepared once.
    const statement =
      lock === 'with-person'
        ? nominationByIdLockedWithPerson
        : lock
          ? nominationByIdLocked
          : nominationById;
    const [row] = await statement(db, { id });
    return row as JoinedNomination | undefined;
  }
  const query = joined(db).where(and(scope, eq(nominations.id, id)));
  const [row] = await (lock === 'with-person'
    ? query.for('update', { of: [nominations, participants] })
    : lock
      ? query.for('update', { of: nominations })
      : query);
  return row as JoinedNomination | undefined;
}

/** One page, newest session first; `after` is the last row's [startDate, id]. */
export async function selectNominations(
  db: DbOrTx,
  actor: Actor,
  query: NominationListQuery,
  after: string[] | null,
): Promise<JoinedNomination[]> {
  const rows = await joined(db)
    .where(
      and(
        visibleNominations(actor),
        query.sessionCode ? eq(trainingSessions.code, query.sessionCode) : undefined,
        query.status ? eq(nominations.status, query.status) : undefined,
        query.nationCode ? eq(nominations.nationCode, query.nationCode) : undefined,
        query.participantId ? eq(nominations.participantId, query.participantId) : undefined,
        after
          ? sql`(${trainingSessions.startDate}, ${nominations.id}) < (${after[0]}::date, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(trainingSessions.startDate), desc(nominations.id))
    .limit(query.limit + 1);
  return rows as JoinedNomination[];
}

/** Every nomination of a session, for the board and for promotions. */
export async function selectSessionNominations(
  db: DbOrTx,
  sessionId: string,
): Promise<JoinedNomination[]> {
  const rows = await joined(db)
    .where(eq(nominations.sessionId, sessionId))
    .orderBy(asc(nominations.nationCode), asc(nominations.priority), asc(nominations.submittedAt));
  return rows as JoinedNomination[];
}

/**
 * The waitlisted nominations of a session, locked with their people so two promotions cannot
 * pick the same one, nor a selection elsewhere take the same person meanwhile. Rows another
 * transaction is deciding on (or whose person it is selecting) are skipped, not waited for:
 * that transaction holds them and waits for the session row the promotion holds, so waiting
 * would deadlock.
 */
export async function selectWaitlisted(db: DbOrTx, sessionId: string) {
  return db
    .select(getTableColumns(nominations))
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'waitlisted')))
    .orderBy(asc(nominations.id))
    .for('update', { of: [nominations, participants], skipLocked: true });
}

/** Whether a session has anyone waitlisted: read without a lock, to spare the session row. */
export async function hasWaitlisted(db: DbOrTx, sessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: nominations.id })
    .from(nominations)
    .where(and(eq(nominations.sessionId, sessionId), eq(nominations.status, 'waitlisted')))
    .limit(1);
  return row !== undefined;
}

/**
 * The session's seat counters, locked: every seat change updates this row first, so holding it
 * makes the counters read here the ones the promotion's seat updates will meet.
 */
export async function lockSessionSeats(db: DbOrTx, sessionId: string) {
  const [session] = await db
    .select({
      capacity: trainingSessions.capacity,
      seatsTaken: trainingSessions.seatsTaken,
      poolTaken: trainingSessions.poolTaken,
      quotaTotal: trainingSessions.quotaTotal,
      promotionPaused: trainingSessions.promotionPaused,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId))
    .for('update');
  if (!session) throw new Error(`session ${sessionId} vanished`);
  return session;
}

export async function selectQuotaRoom(db: DbOrTx, sessionId: string) {
  const quotas = await db
    .select({
      nationCode: sessionQuotas.nationCode,
      seats: sessionQuotas.seats,
      taken: sessionQuotas.taken,
    })
    .from(sessionQuotas)
    .where(eq(sessionQuotas.sessionId, sessionId))
    .orderBy(asc(sessionQuotas.nationCode));
  const [session] = await db
    .select({
      capacity: trainingSessions.capacity,
      seatsTaken: trainingSessions.seatsTaken,
      poolTaken: trainingSessions.poolTaken,
      quotaTotal: trainingSessions.quotaTotal,
      quotasReleasedAt: trainingSessions.quotasReleasedAt,
      promotionPaused: trainingSessions.promotionPaused,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId));
  if (!session) throw new Error(`session ${sessionId} vanished`);
  return { quotas, session };
}

/** The system actor (loaders, jobs) is no user row: its acts are recorded without one. */
function userOrNull(id: string | null | undefined): string | null {
  return id && id !== SYSTEM_ACTOR_ID ? id : null;
}

export async function insertNomination(db: DbOrTx, values: typeof nominations.$inferInsert) {
  const [row] = await db
    .insert(nominations)
    .values({ ...values, proposedBy: userOrNull(values.proposedBy) })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateNomination(
  db: DbOrTx,
  id: string,
  values: Partial<typeof nominations.$inferInsert>,
) {
  await db
    .update(nominations)
    .set({
      ...values,
      ...(values.overriddenBy !== undefined
        ? { overriddenBy: userOrNull(values.overriddenBy) }
        : {}),
      updatedAt: new Date(),
    })
    .where(eq(nominations.id, id));
}

const eventInsert = preparedStatement((db) =>
  db
    .insert(nominationEvents)
    .values({
      nominationId: sql.placeholder('nominationId'),
      actorId: sql.placeholder('actorId'),
      action: sql.placeholder('action'),
      fromStatus: sql.placeholder('fromStatus'),
      toStatus: sql.placeholder('toStatus'),
      reason: sql.placeholder('reason'),
      onBehalfOf: sql.placeholder('onBehalfOf'),
    })
    .prepare('rabita_nomination_event_insert'),
);

export async function insertEvent(
  db: DbOrTx,
  values: Omit<typeof nominationEvents.$inferInsert, 'id' | 'at'>,
) {
  await eventInsert(db, {
    nominationId: values.nominationId,
    actorId: userOrNull(values.actorId),
    action: values.action,
    fromStatus: values.fromStatus ?? null,
    toStatus: values.toStatus,
    reason: values.reason ?? null,
    onBehalfOf: values.onBehalfOf ?? null,
  });
}

const eventsOf = preparedStatement((db) =>
  db
    .select({
      at: nominationEvents.at,
      actorName: users.displayName,
      action: nominationEvents.action,
      fromStatus: nominationEvents.fromStatus,
      toStatus: nominationEvents.toStatus,
      reason: nominationEvents.reason,
      onBehalfOf: nominationEvents.onBehalfOf,
      onBehalfOfName: nations.name,
    })
    .from(nominationEvents)
    .leftJoin(users, eq(users.id, nominationEvents.actorId))
    .leftJoin(nations, eq(nations.code, nominationEvents.onBehalfOf))
    .where(eq(nominationEvents.nominationId, sql.placeholder('nominationId')))
    .orderBy(asc(nominationEvents.id))
    .prepare('rabita_nomination_events'),
);

export async function selectEvents(db: DbOrTx, nominationId: string) {
  return eventsOf(db, { nominationId });
}

/** Codes of the activities a person has completed, for prerequisite checks. */
export async function selectCompletedActivityCodes(db: DbOrTx, participantId: string) {
  const rows = await db
    .selectDistinct({ code: activities.code })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(and(eq(nominations.participantId, participantId), eq(nominations.result, 'completed')));
  return rows.map((r) => r.code);
}

/** The person's other live nominations on sessions whose dates overlap [start, end]. */
export async function selectOverlapping(
  db: DbOrTx,
  participantId: string,
  sessionId: string,
  startDate: string,
  endDate: string,
) {
  return db
    .select({ sessionCode: trainingSessions.code, status: nominations.status })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .where(
      and(
        eq(nominations.participantId, participantId),
        ne(nominations.sessionId, sessionId),
        inArray(nominations.status, LIVE_STATUSES),
        sql`${trainingSessions.startDate} <= ${endDate}::date and ${trainingSessions.endDate} >= ${startDate}::date`,
      ),
    );
}

/** One of a person's selections on another session over the same days. */
export interface OverlappingSelection {
  participantId: string;
  nominationId: string;
  sessionCode: string;
  activityTitle: { en: string; fr?: string; ar?: string };
  startDate: string;
  endDate: string;
}

const thisSession = alias(trainingSessions, 'this_session');

// Every selection runs it: built and planned once.
const overlappingSelections = preparedStatement((db) =>
  db
    .select({
      participantId: nominations.participantId,
      nominationId: nominations.id,
      sessionCode: trainingSessions.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
    })
    .from(nominations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(thisSession, eq(thisSession.id, sql.placeholder('sessionId')))
    .where(
      and(
        sql`${nominations.participantId} = any(${sql.placeholder('participantIds')}::uuid[])`,
        eq(nominations.status, 'selected'),
        ne(nominations.sessionId, thisSession.id),
        ne(trainingSessions.status, 'cancelled'),
        lte(trainingSessions.startDate, thisSession.endDate),
        gte(trainingSessions.endDate, thisSession.startDate),
      ),
    )
    .orderBy(asc(trainingSessions.startDate), asc(trainingSessions.code))
    .prepare('rabita_overlapping_selections'),
);

/**
 * These people's selections on other sessions, not cancelled, whose dates overlap the given
 * session's (both ends included: a course ending the day another starts still needs its
 * participant that day). One statement for one person or a whole waitlist.
 */
export async function selectOverlappingSelections(
  db: DbOrTx,
  sessionId: string,
  participantIds: readonly string[],
): Promise<OverlappingSelection[]> {
  if (participantIds.length === 0) return [];
  return overlappingSelections(db, { sessionId, participantIds: [...participantIds] }) as Promise<
    OverlappingSelection[]
  >;
}

/** Locks the people of these nominations, in the order of their ids. */
export async function lockPeopleOf(db: DbOrTx, nominationIds: readonly string[]): Promise<void> {
  if (nominationIds.length === 0) return;
  await db
    .select({ id: participants.id })
    .from(participants)
    .innerJoin(nominations, eq(nominations.participantId, participants.id))
    .where(inArray(nominations.id, [...nominationIds]))
    .orderBy(asc(participants.id))
    .for('update', { of: participants });
}

/** The next free place in a nation's priority order on a session. */
export async function nextPriority(db: DbOrTx, sessionId: string, nationCode: string) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${nominations.priority})` })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.nationCode, nationCode),
        inArray(nominations.status, LIVE_STATUSES),
      ),
    );
  return (row?.max ?? 0) + 1;
}

/** The nation's live nominations on a session, to re-number their priority. */
export async function selectNationNominations(db: DbOrTx, sessionId: string, nationCode: string) {
  return db
    .select({ id: nominations.id })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.nationCode, nationCode),
        inArray(nominations.status, LIVE_STATUSES),
      ),
    )
    .for('update');
}

const userColumns = {
  id: users.id,
  email: users.email,
  locale: users.locale,
  displayName: users.displayName,
};

const nationUsers = preparedStatement((db) =>
  db
    .select(userColumns)
    .from(users)
    .where(
      and(
        eq(users.nationCode, sql.placeholder('nationCode')),
        eq(users.active, true),
        sql`${sql.placeholder('role')}::text = any(${users.roles})`,
      ),
    )
    .prepare('rabita_nation_users'),
);

/** Active users of a nation holding a role, e.g. its NPOCs to notify. */
export async function selectNationUsers(db: DbOrTx, nationCode: string, role: string) {
  return nationUsers(db, { nationCode, role });
}

const userById = preparedStatement((db) =>
  db
    .select(userColumns)
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare('rabita_user'),
);

export async function selectUser(db: DbOrTx, id: string) {
  const [row] = await userById(db, { id });
  return row;
}

export async function selectParticipant(db: DbOrTx, id: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, id));
  return row;
}

/** A person's open nomination for a session, if any. */
export async function selectLiveNomination(db: DbOrTx, sessionId: string, participantId: string) {
  const [row] = await db
    .select({ id: nominations.id, status: nominations.status })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.participantId, participantId),
        inArray(nominations.status, LIVE_STATUSES),
      ),
    );
  return row;
}

/**
 * Ends every live nomination of a session as `session-cancelled`, its seat source cleared, in
 * one statement; returns each as it was before. The rows are locked by the UPDATE itself, after
 * the caller has locked the session row (the order every seat change follows).
 */
export async function endLiveNominations(db: DbOrTx, sessionId: string, reason: string | null) {
  const { rows } = await db.execute<{
    id: string;
    nation_code: string;
    status: NominationStatus;
    seat_source: string | null;
  }>(sql`
    with before as (
      select id, status, seat_source from ${nominations}
       where session_id = ${sessionId} and status in ${LIVE_STATUSES}
       for update
    )
    update ${nominations} n
       set status = 'session-cancelled', seat_source = null, decision_reason = ${reason},
           updated_at = now()
      from before
     where n.id = before.id
    returning n.id, n.nation_code, before.status, before.seat_source`);
  return rows.map((r) => ({
    id: r.id,
    nationCode: r.nation_code,
    status: r.status,
    seatSource: r.seat_source,
  }));
}

/** The timeline entries of many nominations at once, in the order given. */
export async function insertEvents(
  db: DbOrTx,
  values: Omit<typeof nominationEvents.$inferInsert, 'id' | 'at'>[],
) {
  if (values.length === 0) return;
  await db
    .insert(nominationEvents)
    .values(values.map((v) => ({ ...v, actorId: userOrNull(v.actorId) })));
}

/** Every live nomination of a session with its nation and status, e.g. for a change's record. */
export async function selectSessionNominationStatuses(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({ id: nominations.id, nationCode: nominations.nationCode, status: nominations.status })
    .from(nominations)
    .where(and(eq(nominations.sessionId, sessionId), inArray(nominations.status, LIVE_STATUSES)))
    .orderBy(asc(nominations.createdAt), asc(nominations.id));
  return rows.map((r) => ({ ...r, status: r.status as NominationStatus }));
}

/** The people behind nominations, with their own account's language when they have one. */
export async function selectNominationPeople(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: nominations.id,
      nationCode: nominations.nationCode,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameLatin: participants.familyNameLatin,
      givenNamesArabic: participants.givenNamesArabic,
      familyNameArabic: participants.familyNameArabic,
      email: participants.email,
      userId: participants.userId,
      userLocale: users.locale,
      userActive: users.active,
    })
    .from(nominations)
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .leftJoin(users, eq(users.id, participants.userId))
    .where(inArray(nominations.id, [...new Set(ids)]));
}

/**
 * The invitations by name the reader may see (scoped as every nomination is), of one session
 * or all: sessions still to end first, soonest first, then past ones, latest first (so the 500
 * kept are the ones that may still need an answer); within a session by nation and role.
 */
export async function selectInvitations(
  db: DbOrTx,
  actor: Actor,
  sessionCode: string | undefined,
): Promise<JoinedNomination[]> {
  const rows = await joined(db)
    .where(
      and(
        visibleNominations(actor),
        isNotNull(nominations.invitedAt),
        sessionCode ? eq(trainingSessions.code, sessionCode) : undefined,
      ),
    )
    .orderBy(
      asc(sql`${trainingSessions.endDate} < current_date`),
      asc(
        sql`case when ${trainingSessions.endDate} >= current_date then ${trainingSessions.startDate} end`,
      ),
      desc(trainingSessions.startDate),
      asc(nominations.nationCode),
      // A delegation is listed head first.
      desc(sql`${nominations.eventRole} = 'head-of-delegation'`),
      asc(participants.familyNameLatin),
      asc(nominations.id),
    )
    .limit(500);
  return rows as JoinedNomination[];
}

/** The roles a nation's live invitees and nominees hold on a session, apart from `except`. */
export async function selectNationRoles(
  db: DbOrTx,
  sessionId: string,
  nationCode: string,
  except?: string,
): Promise<string[]> {
  const rows = await db
    .select({ role: nominations.eventRole })
    .from(nominations)
    .where(
      and(
        eq(nominations.sessionId, sessionId),
        eq(nominations.nationCode, nationCode),
        inArray(nominations.status, LIVE_STATUSES),
        isNotNull(nominations.eventRole),
        except ? ne(nominations.id, except) : undefined,
      ),
    );
  return rows.flatMap((r) => (r.role ? [r.role] : []));
}
