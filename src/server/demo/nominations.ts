import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ActivityType, Prerequisites, Releasability } from '../../contract/catalogue.js';
import type { Eligibility } from '../../contract/nominations.js';
import { rulesOfType } from '../../domain/activity-kinds.js';
import { type ClearanceLevel, evaluateEligibility } from '../../domain/eligibility.js';
import { isReleasableTo } from '../../domain/releasability.js';
import { addDays, dateIn } from '../../domain/venue-calendar.js';
import type { Tx } from '../db/client.js';
import {
  activities,
  nations,
  nominationEvents,
  nominations,
  participants,
  sessionQuotas,
  trainingSessions,
  venues,
} from '../db/schema/index.js';
import { systemContext } from '../features/context.js';
import { applyTransition, createNomination } from '../features/nominations/service.js';
import { updateSession } from '../features/sessions/service.js';
import { AppError } from '../http/errors.js';
import { inviteDelegations } from './invitations.js';

// Sessions whose cohort is chosen by now: a session whose nominations have closed has its
// selections made (a mobile team two weeks out has its host nation's officers on it).
const HISTORY = ['completed', 'in-progress', 'confirmed', 'nominations-closed'];

interface Dates {
  startDate: string;
  endDate: string;
}

const overlap = (a: Dates, b: Dates) => a.startDate <= b.endDate && b.startDate <= a.endDate;

/**
 * The nation's people in a fixed order, handed out in turn so everyone gets some history; a
 * person selected on one session (`seated`) is not handed out for another over the same days,
 * as the centre would refuse to select them.
 */
type Person = typeof participants.$inferSelect;

/** A stable, well-spread number for a text: the demo is the same on every load. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function rotation(people: { id: string; nationCode: string }[]) {
  const byNation = new Map<string, string[]>();
  for (const p of people) byNation.set(p.nationCode, [...(byNation.get(p.nationCode) ?? []), p.id]);
  const next = new Map<string, number>();
  const seatedOn = new Map<string, Dates[]>();
  const free = (id: string, dates: Dates) =>
    !(seatedOn.get(id) ?? []).some((d) => overlap(d, dates));
  return {
    pick(nationCode: string, count: number, dates: Dates): string[] {
      const list = byNation.get(nationCode) ?? [];
      const start = next.get(nationCode) ?? 0;
      const picked: string[] = [];
      let looked = 0;
      while (picked.length < count && looked < list.length) {
        const id = list[(start + looked) % list.length] as string;
        looked += 1;
        if (free(id, dates)) picked.push(id);
      }
      next.set(nationCode, start + looked);
      return picked;
    },
    free,
    seated(id: string, dates: Dates): void {
      seatedOn.set(id, [...(seatedOn.get(id) ?? []), dates]);
    },
  };
}

/**
 * Nominations that make the demo speak: past sessions hold their selected participants (most
 * completed, a few no-shows), so people have a training history; sessions open now have
 * submitted, selected, waitlisted and proposed nominations made through the services, so
 * "My nation", the selection board and the outbox show real movement.
 */
export async function loadDemoNominations(
  tx: Tx,
  now: Date,
  nominatorId: string | null,
): Promise<void> {
  const people = await tx
    .select()
    .from(participants)
    .orderBy(asc(participants.nationCode), asc(participants.familyNameLatin));
  const turns = rotation(people);
  const frameworkOf = new Map(
    (await tx.select({ code: nations.code, framework: nations.frameworkCode }).from(nations)).map(
      (n) => [n.code, n.framework] as const,
    ),
  );

  const past = await tx
    .select({
      session: trainingSessions,
      activityCode: activities.code,
      activityType: activities.type,
      prerequisites: activities.prerequisites,
      releasability: activities.releasability,
      timeZone: venues.timeZone,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(venues, eq(venues.code, trainingSessions.venueCode))
    .where(inArray(trainingSessions.status, HISTORY))
    .orderBy(asc(trainingSessions.startDate));
  /** Who completed what, and when it ended: the prerequisites of later courses. */
  const completed = new Map<string, { code: string; end: string }[]>();
  const courses = new Map<string, number>();
  let serial = 0;
  for (const {
    session,
    activityCode,
    activityType,
    prerequisites,
    releasability,
    timeZone,
  } of past) {
    // A dialogue event's seats were the centre's invitations by name, each accepted by the nation.
    const byInvitation = rulesOfType(activityType as ActivityType).seats === 'invitation';
    const heads = new Set<string>();
    const submitted = new Date(`${addDays(session.startDate, -35)}T09:00:00Z`);
    const decided = new Date(`${addDays(session.startDate, -20)}T09:00:00Z`);
    const quotas = await tx
      .select()
      .from(sessionQuotas)
      .where(eq(sessionQuotas.sessionId, session.id));
    // A cohort of 8 to 20 (never over capacity), different on every session.
    const size = Math.min(session.capacity, 8 + (hash(session.code) % 13));
    const eligibilityFor = (person: Person) =>
      evaluateEligibility({
        person: { ...person, clearanceLevel: person.clearanceLevel as ClearanceLevel },
        prerequisites: prerequisites as Prerequisites,
        sessionStartDate: session.startDate,
        sessionEndDate: session.endDate,
        today: dateIn(submitted, timeZone),
        window: { opens: session.nominationOpens, closes: session.nominationCloses },
        releasable: isReleasableTo(releasability as Releasability, {
          code: person.nationCode,
          frameworkCode: frameworkOf.get(person.nationCode) ?? '',
        }),
        completedActivityCodes: (completed.get(person.id) ?? [])
          .filter((c) => c.end < session.startDate)
          .map((c) => c.code),
        overlapping: [],
      });
    const seats: { person: Person; source: 'quota' | 'pool'; eligibility: Eligibility }[] = [];
    const take = (candidates: Person[], count: number, source: 'quota' | 'pool') => {
      for (const person of candidates) {
        if (count <= 0 || seats.length >= size) return;
        if (seats.some((s) => s.person.id === person.id)) continue;
        if (!turns.free(person.id, session)) continue;
        const eligibility = eligibilityFor(person);
        if (!eligibility.eligible) continue;
        seats.push({ person, source, eligibility });
        count -= 1;
      }
    };
    const order = (list: Person[]) =>
      [...list].sort(
        (x, y) =>
          (courses.get(x.id) ?? 0) - (courses.get(y.id) ?? 0) ||
          hash(x.id + session.code) - hash(y.id + session.code),
      );
    // The nations' quotas first (most fill part of theirs), then the open pool.
    const filled = new Map<string, number>();
    for (const quota of quotas) {
      const before = seats.length;
      const wanted = Math.max(1, quota.seats - (hash(quota.nationCode + session.code) % 2));
      take(order(people.filter((p) => p.nationCode === quota.nationCode)), wanted, 'quota');
      filled.set(quota.nationCode, seats.length - before);
    }
    const pool = session.capacity - quotas.reduce((sum, q) => sum + q.seats, 0);
    take(order(people), Math.min(pool, size - seats.length), 'pool');

    const values = seats.map((seat, index) => {
      const participantId = seat.person.id;
      turns.seated(participantId, session);
      courses.set(participantId, (courses.get(participantId) ?? 0) + 1);
      serial += 1;
      const result =
        session.status === 'completed' ? (serial % 9 === 0 ? 'no-show' : 'completed') : null;
      if (result === 'completed') {
        completed.set(participantId, [
          ...(completed.get(participantId) ?? []),
          { code: activityCode, end: session.endDate },
        ]);
      }
      const nationCode = seat.person.nationCode;
      // Each nation's delegation has one head, its first invitee.
      const head = byInvitation && !heads.has(nationCode);
      if (head) heads.add(nationCode);
      return {
        sessionId: session.id,
        participantId,
        nationCode,
        status: 'selected',
        seatSource: seat.source,
        priority: byInvitation ? null : index + 1,
        submittedAt: byInvitation ? null : submitted,
        invitedAt: byInvitation ? submitted : null,
        eventRole: byInvitation ? (head ? 'head-of-delegation' : 'delegate') : null,
        decidedAt: decided,
        eligibility: seat.eligibility,
        result,
      };
    });
    if (values.length === 0) continue;
    const inserted = await tx.insert(nominations).values(values).returning({ id: nominations.id });
    const [first, then] = byInvitation
      ? (['invite', 'accept'] as const)
      : (['submit', 'select'] as const);
    const waited = byInvitation ? 'invited' : 'submitted';
    await tx.insert(nominationEvents).values(
      inserted.flatMap((row) => [
        { nominationId: row.id, action: first, fromStatus: null, toStatus: waited, at: submitted },
        {
          nominationId: row.id,
          action: then,
          fromStatus: waited,
          toStatus: 'selected',
          at: decided,
        },
      ]),
    );
    for (const [nationCode, taken] of filled) {
      if (taken === 0) continue;
      await tx
        .update(sessionQuotas)
        .set({ taken })
        .where(
          and(eq(sessionQuotas.sessionId, session.id), eq(sessionQuotas.nationCode, nationCode)),
        );
    }
    const fromPool = seats.filter((s) => s.source === 'pool').length;
    await tx
      .update(trainingSessions)
      .set({
        seatsTaken: sql`${trainingSessions.seatsTaken} + ${seats.length}`,
        poolTaken: sql`${trainingSessions.poolTaken} + ${fromPool}`,
      })
      .where(eq(trainingSessions.id, session.id));
  }

  const open = await tx
    .select({
      code: trainingSessions.code,
      id: trainingSessions.id,
      activityType: activities.type,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      quotaReleaseOn: trainingSessions.quotaReleaseOn,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .where(
      and(eq(trainingSessions.status, 'announced'), gte(trainingSessions.nominationDeadline, now)),
    )
    .orderBy(asc(trainingSessions.nominationDeadline));
  const ctx = systemContext(tx, 'demo');
  // The waitlist goes where quotas are still held, so the release job does not empty it at once.
  const today = now.toISOString().slice(0, 10);
  const byQuota = (s: (typeof open)[number]) =>
    rulesOfType(s.activityType as ActivityType).seats === 'quota';
  // A session by invitation has no waitlist of nominations, nor a nominator's proposal.
  const held = open.find(
    (s) => byQuota(s) && s.quotaReleaseOn !== null && s.quotaReleaseOn > today,
  );
  const proposedOn = open.find(byQuota)?.code;
  const waitlistOn = held?.code ?? null;
  const targets = open.slice(0, 3);
  if (held && !targets.includes(held)) targets.push(held);
  for (const session of targets) {
    if (!byQuota(session)) {
      await inviteDelegations(ctx, session, turns, now);
      continue;
    }
    // The registrar holds this session's free seats back for now: the board says promotion is
    // paused, and the waitlist stays as the registrar left it.
    if (session.code === waitlistOn) {
      await updateSession(ctx, session.code, { promotionPaused: true });
    }
    for (const nationCode of ['KWT', 'QAT', 'BHR', 'ARE']) {
      const nominated: { id: string; participantId: string }[] = [];
      for (const participantId of turns.pick(nationCode, 2, session)) {
        try {
          // A savepoint: a refusal must not abort the whole demo transaction.
          const created = await tx.transaction((sp) =>
            createNomination(
              { ...ctx, tx: sp },
              {
                sessionCode: session.code,
                participantId,
                motivation: null,
                submit: true,
                priority: null,
              },
              now,
            ),
          );
          nominated.push({ id: created.id, participantId });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          // A demo person who fails this course's rules simply is not nominated.
        }
      }
      const [first, second] = nominated;
      if (first) {
        await applyTransition(ctx, first.id, { action: 'select' }, now);
        turns.seated(first.participantId, session);
      }
      if (second && session.code === waitlistOn) {
        await applyTransition(ctx, second.id, { action: 'waitlist' }, now);
      }
    }
    if (session.code === proposedOn && nominatorId) {
      const [participantId] = turns.pick('KWT', 1, session);
      if (participantId) {
        await tx
          .insert(nominations)
          .values({
            sessionId: session.id,
            participantId,
            nationCode: 'KWT',
            status: 'proposed',
            motivation: 'Heads the ministry’s new crisis-management cell.',
            proposedBy: nominatorId,
            eligibility: { lines: [], eligible: true },
          })
          .onConflictDoNothing();
      }
    }
  }
}
