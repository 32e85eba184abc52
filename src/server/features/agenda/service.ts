import type {
  Agenda,
  AgendaClash,
  AgendaItem,
  AgendaItemInput,
  AgendaItemUpdate,
  AgendaPublication,
} from '../../../contract/agenda.js';
import { agendaTimeProblem, instantAt, wallClockAt } from '../../../domain/agenda.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { assertMayRead, mayEditAgenda } from './access.js';
import { auditItem, presentAgenda, presentItem } from './presenters.js';
import * as q from './queries.js';

async function sessionFor(ctx: ServiceContext, code: string, forChange: boolean) {
  const session = await q.selectAgendaSession(ctx.tx, code, forChange);
  if (!session) throw notFound(`The session ${code}`);
  if (forChange && (session.status === 'cancelled' || session.status === 'completed')) {
    throw new AppError(
      409,
      'session_not_editable',
      `The session ${code} is ${session.status}; its agenda can no longer change.`,
    );
  }
  return session;
}

async function itemsOf(ctx: ServiceContext, session: q.AgendaSession): Promise<AgendaItem[]> {
  const rows = await q.selectItems(ctx.tx, session.id);
  const speakers = await q.selectSpeakers(
    ctx.tx,
    rows.map((r) => r.item.id),
  );
  return rows.map((row) => presentItem(row, speakers, session.timeZone));
}

/** The agenda of a session as the reader may see it (see `access.ts`). */
export async function getAgenda(ctx: ServiceContext, code: string): Promise<Agenda> {
  const session = await sessionFor(ctx, code, false);
  await assertMayRead(ctx.tx, ctx.actor, session);
  return presentAgenda(session, await itemsOf(ctx, session), mayEditAgenda(ctx.actor));
}

/** The agenda and its session's facts, for the printable agenda and the joining instructions. */
export async function readableAgenda(ctx: ServiceContext, code: string) {
  const session = await sessionFor(ctx, code, false);
  await assertMayRead(ctx.tx, ctx.actor, session);
  return { session, items: await itemsOf(ctx, session) };
}

const clashView = (c: {
  itemId: string;
  sessionCode: string;
  startsAt: Date;
  endsAt: Date;
  lecturerId?: string;
  roomId?: string | null;
}): AgendaClash => ({
  itemId: c.itemId,
  sessionCode: c.sessionCode,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt.toISOString(),
  ...(c.lecturerId ? { lecturerId: c.lecturerId } : {}),
  ...(c.roomId ? { roomId: c.roomId } : {}),
});

interface Draft {
  title: AgendaItem['title'];
  startsAt: string;
  endsAt: string;
  speakerIds: string[];
  roomId: string | null;
}

/**
 * Checks an item as it would be written, in the order a registrar fixes things: times inside
 * the session's days, a room of the venue, speakers of the registry, then nobody and no room
 * in two places at once (across every session not cancelled). The speakers and the room are
 * locked first, so two concurrent items cannot both pass. Returns the instants to store.
 */
async function checkDraft(
  ctx: ServiceContext,
  session: q.AgendaSession,
  draft: Draft,
  exceptId: string | null,
) {
  const problem = agendaTimeProblem(draft, session);
  if (problem === 'agenda_times_reversed') {
    throw new AppError(422, problem, `The item ends at ${draft.endsAt}, not after its start.`, [
      { field: 'endsAt', message: 'is not after startsAt', code: problem },
    ]);
  }
  if (problem === 'agenda_outside_session') {
    throw new AppError(
      422,
      problem,
      `The session ${session.code} runs from ${session.startDate} to ${session.endDate} (${session.timeZone}); the item is not within those days.`,
      [{ field: 'startsAt', message: "is outside the session's days", code: problem }],
    );
  }
  if (draft.roomId) {
    const room = await q.lockRoom(ctx.tx, draft.roomId);
    if (!room || room.venueCode !== session.venueCode) {
      throw invalid('roomId', `is not a room of the venue ${session.venueCode}`, 'unknown_room');
    }
  }
  const speakers = await q.lockLecturers(ctx.tx, draft.speakerIds);
  if (speakers.length !== draft.speakerIds.length) {
    throw invalid('speakerIds', 'names someone who is not in the lecturer registry', 'unknown');
  }
  const span = {
    startsAt: instantAt(draft.startsAt, session.timeZone),
    endsAt: instantAt(draft.endsAt, session.timeZone),
  };
  const speakerClashes = await q.selectSpeakerClashes(ctx.tx, draft.speakerIds, span, exceptId);
  if (speakerClashes.length > 0) {
    const name = (id: string) => speakers.find((s) => s.id === id)?.nameLatin ?? id;
    const first = speakerClashes[0] as (typeof speakerClashes)[number];
    throw new AppError(
      409,
      'agenda_speaker_conflict',
      `${name(first.lecturerId)} already speaks on ${first.sessionCode} from ${wallClockAt(first.startsAt, session.timeZone)} to ${wallClockAt(first.endsAt, session.timeZone)} (${session.timeZone}).`,
      speakerClashes.map((c) => ({
        field: 'speakerIds',
        message: `${name(c.lecturerId)} speaks on ${c.sessionCode} at the same time`,
        code: 'agenda_speaker_conflict',
      })),
      undefined,
      { conflicts: speakerClashes.map(clashView) },
    );
  }
  if (draft.roomId) {
    const roomClashes = await q.selectRoomClashes(ctx.tx, draft.roomId, span, exceptId);
    if (roomClashes.length > 0) {
      const first = roomClashes[0] as (typeof roomClashes)[number];
      throw new AppError(
        409,
        'agenda_room_conflict',
        `The room holds an item of ${first.sessionCode} from ${wallClockAt(first.startsAt, session.timeZone)} to ${wallClockAt(first.endsAt, session.timeZone)} (${session.timeZone}).`,
        roomClashes.map((c) => ({
          field: 'roomId',
          message: `holds an item of ${c.sessionCode} at the same time`,
          code: 'agenda_room_conflict',
        })),
        undefined,
        { conflicts: roomClashes.map(clashView) },
      );
    }
    await refuseRoomBookedWhole(ctx, session, draft.roomId, span);
  }
  return span;
}

/**
 * A room another session booked for its whole days is taken at every hour of them: an item of
 * this session there is refused with the same code as an item clash (409
 * `agenda_room_conflict`), with the booking's session and days to go and see.
 */
async function refuseRoomBookedWhole(
  ctx: ServiceContext,
  session: q.AgendaSession,
  roomId: string,
  span: { startsAt: Date; endsAt: Date },
) {
  const booked = await q.selectRoomBookingClashes(ctx.tx, roomId, span, session.id);
  const first = booked[0];
  if (!first) return;
  throw new AppError(
    409,
    'agenda_room_conflict',
    `The room is booked for the whole of ${first.sessionCode} (${first.startDate} to ${first.endDate}); choose another room or time.`,
    booked.map((c) => ({
      field: 'roomId',
      message: `is booked for ${c.sessionCode} from ${c.startDate} to ${c.endDate}`,
      code: 'agenda_room_conflict',
    })),
    undefined,
    { conflicts: [], bookings: booked },
  );
}

async function itemById(ctx: ServiceContext, session: q.AgendaSession, id: string) {
  const item = (await itemsOf(ctx, session)).find((i) => i.id === id);
  if (!item) throw notFound('The agenda item');
  return item;
}

/** Adds an item to a session's agenda; refused whole on any problem (see `checkDraft`). */
export async function createItem(
  ctx: ServiceContext,
  code: string,
  input: AgendaItemInput,
): Promise<AgendaItem> {
  const session = await sessionFor(ctx, code, true);
  const draft: Draft = {
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    speakerIds: [...new Set(input.speakerIds ?? [])],
    roomId: input.roomId ?? null,
  };
  const span = await checkDraft(ctx, session, draft, null);
  const row = await q.insertItem(ctx.tx, {
    sessionId: session.id,
    title: draft.title,
    ...span,
    roomId: draft.roomId,
  });
  await q.replaceSpeakers(ctx.tx, row.id, draft.speakerIds);
  const item = await itemById(ctx, session, row.id);
  await recordAudit(ctx, {
    action: 'agenda.item-created',
    entityType: 'agenda-item',
    entityId: row.id,
    after: { sessionCode: session.code, ...auditItem(item) },
  });
  return item;
}

/** Changes an item; what is not sent stays, and the whole item is checked again. */
export async function updateItem(
  ctx: ServiceContext,
  code: string,
  id: string,
  input: AgendaItemUpdate,
): Promise<AgendaItem> {
  const session = await sessionFor(ctx, code, true);
  if (!(await q.selectItem(ctx.tx, session.id, id))) throw notFound('The agenda item');
  const before = await itemById(ctx, session, id);
  const draft: Draft = {
    title: input.title ?? before.title,
    startsAt: input.startsAt ?? before.localStartsAt,
    endsAt: input.endsAt ?? before.localEndsAt,
    speakerIds: [...new Set(input.speakerIds ?? before.speakers.map((s) => s.id))],
    roomId: input.roomId === undefined ? (before.room?.id ?? null) : input.roomId,
  };
  const span = await checkDraft(ctx, session, draft, id);
  await q.updateItem(ctx.tx, id, { title: draft.title, ...span, roomId: draft.roomId });
  await q.replaceSpeakers(ctx.tx, id, draft.speakerIds);
  const after = await itemById(ctx, session, id);
  await recordAudit(ctx, {
    action: 'agenda.item-updated',
    entityType: 'agenda-item',
    entityId: id,
    before: auditItem(before),
    after: auditItem(after),
  });
  return after;
}

/** Removes an item from the agenda. */
export async function deleteItem(ctx: ServiceContext, code: string, id: string): Promise<Agenda> {
  const session = await sessionFor(ctx, code, true);
  if (!(await q.selectItem(ctx.tx, session.id, id))) throw notFound('The agenda item');
  const before = await itemById(ctx, session, id);
  await q.deleteItem(ctx.tx, id);
  await recordAudit(ctx, {
    action: 'agenda.item-deleted',
    entityType: 'agenda-item',
    entityId: id,
    before: { sessionCode: session.code, ...auditItem(before) },
  });
  return presentAgenda(session, await itemsOf(ctx, session), true);
}

/**
 * Publishes the agenda to the session's nations and participants, or takes it back to a draft.
 * Publishing again keeps the first publication's time.
 */
export async function setPublication(
  ctx: ServiceContext,
  code: string,
  input: AgendaPublication,
): Promise<Agenda> {
  const session = await sessionFor(ctx, code, true);
  const was = session.agendaPublishedAt;
  const at = input.published ? (was ?? new Date()) : null;
  if ((was === null) !== (at === null)) {
    await q.setPublished(ctx.tx, session.id, at);
    await recordAudit(ctx, {
      action: input.published ? 'agenda.published' : 'agenda.unpublished',
      entityType: 'session',
      entityId: session.id,
      before: { agendaPublishedAt: was?.toISOString() ?? null },
      after: { agendaPublishedAt: at?.toISOString() ?? null },
    });
  }
  return presentAgenda({ ...session, agendaPublishedAt: at }, await itemsOf(ctx, session), true);
}
