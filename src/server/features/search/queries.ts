import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { SEARCH_HITS_PER_KIND } from '../../../contract/search.js';
import type { NationScope } from '../../../domain/access.js';
import { searchTsQuery } from '../../../domain/search-text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  lecturers,
  nations,
  nominations,
  participants,
  trainingSessions,
} from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { activityTextSearch } from '../catalogue/queries.js';
import { visibleActivities } from '../catalogue/visibility.js';
import { lecturerNameMatches } from '../lecturers/queries.js';
import { visibleNominations } from '../nominations/queries.js';
import { familyNameOrder, visibleParticipants, wholeWordsFirst } from '../participants/queries.js';
import { nationNameMatches } from '../partners/queries.js';
import { visibleSessions } from '../sessions/queries.js';

const LIMIT = SEARCH_HITS_PER_KIND;

/**
 * Codes are capitals, digits and dashes: text that could start one also matches codes by
 * prefix (a case-sensitive LIKE on the upper-cased text, which the code indexes serve).
 */
function codePrefix(column: AnyPgColumn, text: string): SQL {
  const typed = text.trim();
  return /^[A-Za-z0-9-]+$/.test(typed)
    ? sql`${column} like ${`${typed.toUpperCase()}%`}`
    : sql`false`;
}

const nameColumns = {
  familyNameLatin: participants.familyNameLatin,
  givenNamesLatin: participants.givenNamesLatin,
  familyNameArabic: participants.familyNameArabic,
  givenNamesArabic: participants.givenNamesArabic,
};
const personColumns = {
  id: participants.id,
  nationCode: participants.nationCode,
  ...nameColumns,
};

export async function searchPeople(db: DbOrTx, scope: NationScope, text: string) {
  return wholeWordsFirst(text, (search) =>
    db
      .select(personColumns)
      .from(participants)
      .where(and(visibleParticipants(scope), search))
      .orderBy(asc(familyNameOrder), asc(participants.id))
      .limit(LIMIT),
  );
}

export async function searchActivities(db: DbOrTx, scope: NationScope, text: string) {
  return db
    .select({ code: activities.code, title: activities.title })
    .from(activities)
    .where(and(visibleActivities(scope), activityTextSearch(text).matches))
    .orderBy(asc(activities.code))
    .limit(LIMIT);
}

export async function searchSessions(db: DbOrTx, scope: NationScope, text: string) {
  return db
    .select({
      code: trainingSessions.code,
      activityCode: activities.code,
      activityTitle: activities.title,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      status: trainingSessions.status,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(
        visibleSessions(scope),
        or(activityTextSearch(text).matches, codePrefix(trainingSessions.code, text)),
      ),
    )
    .orderBy(desc(trainingSessions.startDate), asc(trainingSessions.id))
    .limit(LIMIT);
}

/** Nominations of the people found, or on the sessions whose code starts with the text. */
export async function searchNominations(db: DbOrTx, actor: Actor, text: string) {
  return wholeWordsFirst(text, (search) =>
    db
      .select({
        id: nominations.id,
        status: nominations.status,
        nationCode: nominations.nationCode,
        sessionCode: trainingSessions.code,
        ...nameColumns,
      })
      .from(nominations)
      .innerJoin(participants, eq(participants.id, nominations.participantId))
      .innerJoin(trainingSessions, eq(trainingSessions.id, nominations.sessionId))
      .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
      .where(and(visibleNominations(actor), or(search, codePrefix(trainingSessions.code, text))))
      .orderBy(desc(trainingSessions.startDate), asc(nominations.id))
      .limit(LIMIT),
  );
}

/** Nations are few: their keys are computed in the query by the same function that stores keys. */
export async function searchNations(db: DbOrTx, scope: NationScope, text: string) {
  if (!searchTsQuery(text)) return [];
  return db
    .select({ code: nations.code, name: nations.name })
    .from(nations)
    .where(
      and(
        scope.kind === 'all' ? undefined : eq(nations.code, scope.nationCode),
        nationNameMatches(text),
      ),
    )
    .orderBy(asc(nations.code))
    .limit(LIMIT);
}

/** Lecturers are the centre's registry (no nation scope); their keys are computed as read. */
export async function searchLecturers(db: DbOrTx, text: string) {
  return db
    .select({
      id: lecturers.id,
      kind: lecturers.kind,
      nameLatin: lecturers.nameLatin,
      nameArabic: lecturers.nameArabic,
      institution: lecturers.institution,
    })
    .from(lecturers)
    .where(lecturerNameMatches(text))
    .orderBy(asc(sql`lower(${lecturers.nameLatin})`), asc(lecturers.id))
    .limit(LIMIT);
}
