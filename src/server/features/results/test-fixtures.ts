import { eq } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../contract/delivery.js';
import { SessionInput, type SessionStatus } from '../../../contract/sessions.js';
import { addDays } from '../../../domain/venue-calendar.js';
import type { Database } from '../../db/client.js';
import {
  activities,
  attendanceMarks,
  nominationEvents,
  nominations,
} from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { createSession, transitionSession } from '../sessions/service.js';
import { sessionInput } from '../sessions/test-data.js';

/** The working days of a session from 2027-03-07 (Sunday) to 03-11 in Kuwait: the 10th is Eid. */
export const DAYS = ['2027-03-07', '2027-03-08', '2027-03-09', '2027-03-11'] as const;

const PATH: SessionStatus[] = ['announced', 'nominations-closed', 'confirmed', 'in-progress'];

/**
 * A session in Kuwait, 7-11 March 2027 unless `dates` say otherwise, moved along to `status`
 * (in progress by default).
 */
export async function deliveredSession(
  db: Database,
  code: string,
  activityCode: string,
  options: {
    directorId?: string;
    instructorIds?: string[];
    status?: SessionStatus;
    /** Other dates than 7-11 March 2027, with a nomination window that closed before them. */
    dates?: { startDate: string; endDate: string };
  } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const ctx = systemContext(tx, 'fixture');
    const session = await createSession(
      ctx,
      SessionInput.parse(
        sessionInput(code, activityCode, {
          directorId: options.directorId ?? null,
          instructorIds: options.instructorIds ?? [],
          // The tests run one director's sessions side by side on the same dates.
          confirmStaffConflicts: true,
          ...(options.dates
            ? {
                ...options.dates,
                nominationOpens: addDays(options.dates.startDate, -60),
                nominationCloses: addDays(options.dates.startDate, -30),
              }
            : {}),
        }),
      ),
    );
    const target = options.status ?? 'in-progress';
    for (const to of PATH) {
      if (target === 'draft') break;
      await transitionSession(ctx, code, { to });
      if (to === target) break;
    }
    return session.id;
  });
}

export async function setEvaluationLevels(db: Database, code: string, levels: number[]) {
  await db.update(activities).set({ evaluationLevels: levels }).where(eq(activities.code, code));
}

/**
 * A nomination that holds (or, withdrawn, held) a seat, inserted directly: the selection
 * itself is the nominations feature's business.
 */
export async function seatedNomination(
  db: Database,
  sessionId: string,
  participantId: string,
  nationCode: string,
  status: 'selected' | 'withdrawn' = 'selected',
): Promise<string> {
  const [row] = await db
    .insert(nominations)
    .values({
      sessionId,
      participantId,
      nationCode,
      status,
      seatSource: status === 'selected' ? 'quota' : null,
      eligibility: { eligible: true, lines: [] },
    })
    .returning({ id: nominations.id });
  if (!row) throw new Error('nomination insert returned nothing');
  await db.insert(nominationEvents).values({
    nominationId: row.id,
    action: 'select',
    fromStatus: 'submitted',
    toStatus: 'selected',
  });
  if (status === 'withdrawn') {
    await db.insert(nominationEvents).values({
      nominationId: row.id,
      action: 'withdraw',
      fromStatus: 'selected',
      toStatus: 'withdrawn',
      reason: 'Recalled to duty',
    });
  }
  return row.id;
}

/** Marks for one nomination, one status per day in order (null leaves the day unmarked). */
export async function markDays(
  db: Database,
  nominationId: string,
  statuses: readonly (AttendanceStatus | null)[],
  days: readonly string[] = DAYS,
) {
  const values = statuses.flatMap((status, i) =>
    status && days[i] ? [{ nominationId, day: days[i], status, source: 'roster' as const }] : [],
  );
  if (values.length > 0) await db.insert(attendanceMarks).values(values);
}
