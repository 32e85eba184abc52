import type { Agenda, AgendaItem } from '../../../contract/agenda.js';
import { wallClockAt } from '../../../domain/agenda.js';
import type * as q from './queries.js';
import type { AgendaSession } from './queries.js';

type ItemWithRoom = Awaited<ReturnType<typeof q.selectItems>>[number];
type Speaker = Awaited<ReturnType<typeof q.selectSpeakers>>[number];

export function presentItem(row: ItemWithRoom, speakers: Speaker[], timeZone: string): AgendaItem {
  const { item, room } = row;
  return {
    id: item.id,
    title: item.title,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    localStartsAt: wallClockAt(item.startsAt, timeZone),
    localEndsAt: wallClockAt(item.endsAt, timeZone),
    speakers: speakers
      .filter((s) => s.itemId === item.id)
      .map(({ id, nameLatin, nameArabic, title }) => ({ id, nameLatin, nameArabic, title })),
    room: room?.id ? { id: room.id, name: room.name } : null,
  };
}

export function presentAgenda(
  session: AgendaSession,
  items: AgendaItem[],
  canEdit: boolean,
): Agenda {
  return {
    sessionCode: session.code,
    timeZone: session.timeZone,
    startDate: session.startDate,
    endDate: session.endDate,
    status: session.agendaPublishedAt ? 'published' : 'draft',
    publishedAt: session.agendaPublishedAt?.toISOString() ?? null,
    canEdit,
    items,
  };
}

/** The audit trail's view of an item: ids and times, as written. */
export const auditItem = (item: AgendaItem) => ({
  id: item.id,
  title: item.title,
  startsAt: item.startsAt,
  endsAt: item.endsAt,
  speakerIds: item.speakers.map((s) => s.id),
  roomId: item.room?.id ?? null,
});
