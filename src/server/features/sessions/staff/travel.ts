import type { StaffTravel, StaffTravelInput } from '../../../../contract/staff-travel.js';
import { notFound } from '../../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { ServiceContext } from '../../context.js';
import { checkTravelOrder, travelOf } from '../../lecturers/service.js';
import * as sessions from '../queries.js';
import { loadSession } from '../service.js';
import * as q from './queries.js';

type TravelRow = Awaited<ReturnType<typeof q.selectStaffTravel>>[number];

function present(
  person: { id: string; displayName: string; role: StaffTravel['role'] },
  row: TravelRow | undefined,
): StaffTravel {
  return {
    userId: person.id,
    displayName: person.displayName,
    role: person.role,
    arrivalAt: row?.arrivalAt?.toISOString() ?? null,
    arrivalFlight: row?.arrivalFlight ?? null,
    departureAt: row?.departureAt?.toISOString() ?? null,
    departureFlight: row?.departureFlight ?? null,
    hotel: row?.hotel ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The session's director then instructors: the people whose travel the centre books. */
async function staffOf(ctx: ServiceContext, session: { id: string; directorId: string | null }) {
  const people: { id: string; displayName: string; role: StaffTravel['role'] }[] = [];
  if (session.directorId) {
    const name = await sessions.selectUserName(ctx.tx, session.directorId);
    people.push({ id: session.directorId, displayName: name ?? '', role: 'director' });
  }
  for (const i of await sessions.selectInstructors(ctx.tx, session.id)) {
    if (i.id !== session.directorId) people.push({ ...i, role: 'instructor' });
  }
  return people;
}

/** The travel of a session's director and instructors, recorded or not yet. */
export async function listStaffTravel(ctx: ServiceContext, code: string): Promise<StaffTravel[]> {
  const { session } = await loadSession(ctx, code);
  const rows = new Map((await q.selectStaffTravel(ctx.tx, session.id)).map((r) => [r.userId, r]));
  return (await staffOf(ctx, session)).map((p) => present(p, rows.get(p.id)));
}

/**
 * Records a director's or instructor's travel on the session (a mobile training team's flight
 * and hotel abroad). Someone not on the session's staff is not found; a departure before the
 * arrival is refused.
 */
export async function recordStaffTravel(
  ctx: ServiceContext,
  code: string,
  userId: string,
  input: StaffTravelInput,
): Promise<StaffTravel> {
  const { session } = await loadSession(ctx, code, true);
  const person = (await staffOf(ctx, session)).find((p) => p.id === userId);
  if (!person) throw notFound(`A director or instructor ${userId} of ${code}`);
  const stored = (await q.selectStaffTravel(ctx.tx, session.id)).find((r) => r.userId === userId);
  const travel = travelOf(input);
  checkTravelOrder(
    travel.arrivalAt !== undefined ? travel.arrivalAt : stored?.arrivalAt,
    travel.departureAt !== undefined ? travel.departureAt : stored?.departureAt,
  );
  const row = await q.upsertStaffTravel(ctx.tx, session.id, userId, travel);
  const after = present(person, row);
  await recordAudit(ctx, {
    action: 'session.staff-travel-recorded',
    entityType: 'session',
    entityId: session.id,
    before: stored ? present(person, stored) : null,
    after,
  });
  return after;
}
