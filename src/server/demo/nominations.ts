import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { addDays } from '../../domain/venue-calendar.js';
import type { Tx } from '../db/client.js';
import {
  nominationEvents,
  nominations,
  participants,
  sessionQuotas,
  trainingSessions,
} from '../db/schema/index.js';
import { systemContext } from '../features/context.js';
import { applyTransition, createNomination } from '../features/nominations/service.js';
import { updateSession } from '../features/sessions/service.js';
import { AppError } from '../http/errors.js';

const HISTORY = ['completed', 'in-progress', 'confirmed'];

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
    .select({ id: participants.id, nationCode: participants.nationCode })
    .from(participants)
    .orderBy(asc(participants.nationCode), asc(participants.familyNameLatin));
  const turns = rotation(people);

  const past = await tx
    .select()
    .from(trainingSessions)
    .where(inArray(trainingSessions.status, HISTORY))
    .orderBy(asc(trainingSessions.startDate));
  let serial = 0;
  for (const session of past) {
    const quotas = await tx
      .select()
      .from(sessionQuotas)
      .where(eq(sessionQuotas.sessionId, session.id));
    for (const quota of quotas) {
      const chosen = turns.pick(quota.nationCode, Math.min(quota.seats, 3), session);
      for (const participantId of chosen) {
        turns.seated(participantId, session);
        serial += 1;
        const decided = new Date(`${addDays(session.startDate, -20)}T09:00:00Z`);
        const [row] = await tx
          .insert(nominations)
          .values({
            sessionId: session.id,
            participantId,
            nationCode: quota.nationCode,
            status: 'selected',
            seatSource: 'quota',
            priority: chosen.indexOf(participantId) + 1,
            submittedAt: new Date(`${addDays(session.startDate, -35)}T09:00:00Z`),
            decidedAt: decided,
            eligibility: { lines: [], eligible: true },
            result:
              session.status === 'completed' ? (serial % 7 === 0 ? 'no-show' : 'completed') : null,
          })
          .onConflictDoNothing()
          .returning({ id: nominations.id });
        if (!row) continue;
        await tx.insert(nominationEvents).values({
          nominationId: row.id,
          action: 'select',
          fromStatus: 'submitted',
          toStatus: 'selected',
          at: decided,
        });
      }
      if (chosen.length > 0) {
        await tx
          .update(sessionQuotas)
          .set({ taken: chosen.length })
          .where(
            and(
              eq(sessionQuotas.sessionId, session.id),
              eq(sessionQuotas.nationCode, quota.nationCode),
            ),
          );
        await tx
          .update(trainingSessions)
          .set({ seatsTaken: sql`${trainingSessions.seatsTaken} + ${chosen.length}` })
          .where(eq(trainingSessions.id, session.id));
      }
    }
  }

  const open = await tx
    .select({
      code: trainingSessions.code,
      id: trainingSessions.id,
      startDate: trainingSessions.startDate,
      endDate: trainingSessions.endDate,
      quotaReleaseOn: trainingSessions.quotaReleaseOn,
    })
    .from(trainingSessions)
    .where(
      and(eq(trainingSessions.status, 'announced'), gte(trainingSessions.nominationDeadline, now)),
    )
    .orderBy(asc(trainingSessions.nominationDeadline));
  const ctx = systemContext(tx, 'demo');
  // The waitlist goes where quotas are still held, so the release job does not empty it at once.
  const today = now.toISOString().slice(0, 10);
  const held = open.find((s) => s.quotaReleaseOn !== null && s.quotaReleaseOn > today);
  const waitlistOn = held?.code ?? null;
  const targets = open.slice(0, 3);
  if (held && !targets.includes(held)) targets.push(held);
  for (const [index, session] of targets.entries()) {
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
    if (index === 0 && nominatorId) {
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
