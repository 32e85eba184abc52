import type { z } from 'zod';
import type {
  Assignment,
  AssignmentInput,
  AssignmentUpdate,
  Lecturer,
  LecturerInput,
  LecturerPage,
  LecturerUpdate,
  MyAssignment,
} from '../../../contract/lecturers.js';
import {
  AssignmentInput as AssignmentSchema,
  type LecturerListQuery,
  LecturerInput as LecturerSchema,
} from '../../../contract/lecturers.js';
import { decodeCursor, encodeCursor } from '../../http/cursor.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { revokeLetterOfAssignment } from '../visa-letters/lecturer-letters.js';
import { checkLecturerConflicts, lecturerConflicts } from './conflicts.js';
import { auditLecturer, presentAssignment, presentLecturer, sortPeriods } from './presenters.js';
import * as q from './queries.js';

/** The registry in name order, a page at a time. Only centre staff hold the permission. */
export async function listLecturers(
  ctx: ServiceContext,
  query: z.output<typeof LecturerListQuery>,
): Promise<LecturerPage> {
  const limit = query.limit;
  const rows = await q.selectLecturers(ctx.tx, {
    q: query.q,
    kind: query.kind,
    after: decodeCursor(query.cursor, ['text', 'uuid']),
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentLecturer),
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.nameLatin.toLowerCase(), last.id]) : null,
  };
}

export async function getLecturer(ctx: ServiceContext, id: string): Promise<Lecturer> {
  const row = await q.selectLecturer(ctx.tx, id);
  if (!row) throw notFound('The lecturer');
  return presentLecturer(row);
}

async function checkContact(
  ctx: ServiceContext,
  fields: { email?: string | null; userId?: string | null; nationalityCode?: string | null },
  exceptId: string | null,
) {
  if (fields.email && (await q.selectLecturerByEmail(ctx.tx, fields.email, exceptId))) {
    throw conflict('lecturer_email_exists', `Another lecturer has the e-mail ${fields.email}.`);
  }
  if (fields.userId && !(await q.userExists(ctx.tx, fields.userId))) {
    throw invalid('userId', 'is not a user of Rabita', 'unknown_user');
  }
  if (fields.nationalityCode && !(await q.nationExists(ctx.tx, fields.nationalityCode))) {
    throw invalid('nationalityCode', 'is not a nation of the registry', 'unknown_nation');
  }
}

/** Adds an internal or outside lecturer to the registry. */
export async function createLecturer(ctx: ServiceContext, input: LecturerInput): Promise<Lecturer> {
  const values = LecturerSchema.parse(input);
  await checkContact(ctx, values, null);
  const row = await q.insertLecturer(ctx.tx, {
    ...values,
    unavailable: sortPeriods(values.unavailable),
  });
  const lecturer = presentLecturer(row);
  await recordAudit(ctx, {
    action: 'lecturer.created',
    entityType: 'lecturer',
    entityId: row.id,
    after: auditLecturer(lecturer),
  });
  return lecturer;
}

/** Edits the fields sent. Assignments already made are not checked again (their page warns). */
export async function updateLecturer(
  ctx: ServiceContext,
  id: string,
  input: LecturerUpdate,
): Promise<Lecturer> {
  const existing = await q.selectLecturer(ctx.tx, id, { lock: true });
  if (!existing) throw notFound('The lecturer');
  await checkContact(ctx, input, id);
  const { unavailable, ...fields } = input;
  const row = await q.updateLecturer(ctx.tx, id, {
    ...fields,
    ...(unavailable
      ? { unavailable: sortPeriods(unavailable.map((p) => ({ ...p, note: p.note ?? null }))) }
      : {}),
  });
  if (!row) throw notFound('The lecturer');
  const after = presentLecturer(row);
  await recordAudit(ctx, {
    action: 'lecturer.updated',
    entityType: 'lecturer',
    entityId: id,
    before: auditLecturer(presentLecturer(existing)),
    after: auditLecturer(after),
  });
  return after;
}

async function sessionOf(ctx: ServiceContext, code: string, options: { forChange?: boolean } = {}) {
  const session = await q.selectSessionDays(ctx.tx, code, { lock: options.forChange });
  if (!session) throw notFound(`The session ${code}`);
  if (options.forChange && (session.status === 'cancelled' || session.status === 'completed')) {
    throw new AppError(
      409,
      'session_not_editable',
      `The session ${code} is ${session.status}; its lecturers can no longer change.`,
    );
  }
  return session;
}

/** A session's lecturers with their travel and what clashes with each of them today. */
export async function listAssignments(ctx: ServiceContext, code: string): Promise<Assignment[]> {
  const session = await sessionOf(ctx, code);
  const rows = await q.selectAssignments(ctx.tx, session.id);
  const conflicts = await lecturerConflicts(
    ctx.tx,
    session,
    rows.map((r) => r.lecturer),
  );
  return rows.map((row) =>
    presentAssignment(session.code, row, conflicts.get(row.lecturer.id) ?? []),
  );
}

/** The travel fields an input sets, as column values (a date for each instant). */
export const travelOf = (input: {
  arrivalAt?: string | null;
  arrivalFlight?: string | null;
  departureAt?: string | null;
  departureFlight?: string | null;
  hotel?: string | null;
}) => ({
  ...(input.arrivalAt !== undefined
    ? { arrivalAt: input.arrivalAt ? new Date(input.arrivalAt) : null }
    : {}),
  ...(input.arrivalFlight !== undefined ? { arrivalFlight: input.arrivalFlight } : {}),
  ...(input.departureAt !== undefined
    ? { departureAt: input.departureAt ? new Date(input.departureAt) : null }
    : {}),
  ...(input.departureFlight !== undefined ? { departureFlight: input.departureFlight } : {}),
  ...(input.hotel !== undefined ? { hotel: input.hotel } : {}),
});

/** A departure before the arrival is refused (400 `departure_before_arrival`). */
export function checkTravelOrder(
  arrivalAt: Date | null | undefined,
  departureAt: Date | null | undefined,
) {
  if (arrivalAt && departureAt && departureAt < arrivalAt) {
    throw invalid('departureAt', 'is before the arrival', 'departure_before_arrival');
  }
}

/**
 * Puts a lecturer on a session in a role. Refused (409 `lecturer_conflict`) when they are on
 * another session those days or away, unless `confirmConflicts`; the lecturer's row is locked
 * so two assignments of the same person cannot both miss each other.
 */
export async function assignLecturer(
  ctx: ServiceContext,
  code: string,
  input: AssignmentInput,
): Promise<Assignment> {
  const values = AssignmentSchema.parse(input);
  const session = await sessionOf(ctx, code, { forChange: true });
  const lecturer = await q.selectLecturer(ctx.tx, values.lecturerId, { lock: true });
  if (!lecturer)
    throw invalid('lecturerId', 'is not a lecturer of the registry', 'unknown_lecturer');
  if (await q.selectAssignmentOf(ctx.tx, session.id, lecturer.id)) {
    throw conflict('lecturer_assigned', `${lecturer.nameLatin} is already on ${code}.`);
  }
  const travel = travelOf(values);
  checkTravelOrder(travel.arrivalAt, travel.departureAt);
  const kept = await checkLecturerConflicts(ctx.tx, session, lecturer, values.confirmConflicts);
  const row = await q.insertAssignment(ctx.tx, {
    sessionId: session.id,
    lecturerId: lecturer.id,
    role: values.role,
    ...travel,
  });
  const assignment = presentAssignment(session.code, { assignment: row, lecturer }, kept);
  await recordAudit(ctx, {
    action: 'lecturer.assigned',
    entityType: 'session',
    entityId: session.id,
    after: { ...assignment, conflictsConfirmed: kept },
  });
  return assignment;
}

/** Changes a lecturer's role or travel on a session; the clashes are looked at again. */
export async function updateAssignment(
  ctx: ServiceContext,
  code: string,
  id: string,
  input: AssignmentUpdate,
): Promise<Assignment> {
  const session = await sessionOf(ctx, code, { forChange: true });
  const existing = await q.selectAssignment(ctx.tx, session.id, id);
  if (!existing) throw notFound('The assignment');
  const lecturer = await q.selectLecturer(ctx.tx, existing.lecturer.id, { lock: true });
  if (!lecturer) throw notFound('The lecturer');
  const travel = travelOf(input);
  checkTravelOrder(
    travel.arrivalAt !== undefined ? travel.arrivalAt : existing.assignment.arrivalAt,
    travel.departureAt !== undefined ? travel.departureAt : existing.assignment.departureAt,
  );
  // Travel can change without asking again; a new role is a new decision about the days.
  const kept =
    input.role !== undefined && input.role !== existing.assignment.role
      ? await checkLecturerConflicts(ctx.tx, session, lecturer, input.confirmConflicts ?? false)
      : ((await lecturerConflicts(ctx.tx, session, [lecturer])).get(lecturer.id) ?? []);
  const row = await q.updateAssignment(ctx.tx, id, {
    ...(input.role ? { role: input.role } : {}),
    ...travel,
  });
  if (!row) throw notFound('The assignment');
  const before = presentAssignment(session.code, existing, kept);
  const after = presentAssignment(session.code, { assignment: row, lecturer }, kept);
  await recordAudit(ctx, {
    action: 'lecturer.assignment-updated',
    entityType: 'session',
    entityId: session.id,
    before,
    after,
  });
  return after;
}

/**
 * Takes a lecturer off a session. Their invitation letter, if one was issued, is revoked rather
 * than deleted: a consulate that checks it reads "revoked", and the audit trail keeps it.
 */
export async function removeAssignment(ctx: ServiceContext, code: string, id: string) {
  const session = await sessionOf(ctx, code, { forChange: true });
  const existing = await q.selectAssignment(ctx.tx, session.id, id, { lock: true });
  if (!existing) throw notFound('The assignment');
  const revokedLetterId = await revokeLetterOfAssignment(ctx, id);
  await q.deleteAssignment(ctx.tx, id);
  await recordAudit(ctx, {
    action: 'lecturer.unassigned',
    entityType: 'session',
    entityId: session.id,
    before: presentAssignment(session.code, existing, []),
    after: { revokedLetterId },
  });
}

/**
 * The signed-in user's own assignments as a lecturer: any user may ask, and sees only the
 * sessions of the registry entry linked to their account (or, until linked, their e-mail).
 */
export async function myAssignments(ctx: ServiceContext): Promise<MyAssignment[]> {
  const rows = await q.selectMyAssignments(ctx.tx, ctx.actor);
  return rows.map((row) => ({
    ...row,
    status: row.status as MyAssignment['status'],
    arrivalAt: row.arrivalAt?.toISOString() ?? null,
    departureAt: row.departureAt?.toISOString() ?? null,
  }));
}
