import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { AgendaItem } from '../../../contract/agenda.js';
import type { Room, SessionRoom } from '../../../contract/rooms.js';
import {
  agendaItems,
  auditLog,
  sessionRoomBookings,
  trainingSessions,
} from '../../db/schema/index.js';
import { OTHER_SESSION, SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { sessionInput } from '../sessions/test-data.js';

/** Both sessions of the world run 2027-03-07 to 03-11 at KWI-NIRC (Asia/Kuwait, UTC+3). */
const LATER = 'RB-LATER-27';

describe('a room booked for a whole session against agenda items of another', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let b: typeof world.browsers;
  let hallA: Room;
  let hallB: Room;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    b = world.browsers;
    const room = async (name: string) => {
      const r = await call(t.app, b.registrar, 'POST', '/api/v1/venues/KWI-NIRC/rooms', {
        name,
        capacity: 40,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json<Room>();
    };
    hallA = await room('Hall A');
    hallB = await room('Hall B');
    const later = await call(t.app, b.registrar, 'POST', '/api/v1/sessions', {
      ...sessionInput(LATER, 'CTM-CT-2839'),
      startDate: '2027-03-14',
      endDate: '2027-03-18',
    });
    expect(later.statusCode, later.body).toBe(201);
  });
  afterAll(() => t.close());

  const addItem = (code: string, body: object) =>
    call(t.app, b.registrar, 'POST', `/api/v1/sessions/${code}/agenda/items`, body);
  const book = (code: string, roomId: string, confirmRoomConflict = false) =>
    call(t.app, b.registrar, 'PUT', `/api/v1/sessions/${code}/room`, {
      roomId,
      confirmRoomConflict,
    });
  const counts = async () => ({
    items: (await t.db.db.select().from(agendaItems)).length,
    bookings: (await t.db.db.select().from(sessionRoomBookings)).length,
    audits: (await t.db.db.select().from(auditLog)).length,
  });

  it('refuses an agenda item in a room another session holds those days, writing nothing', async () => {
    const booked = await book(OTHER_SESSION, hallA.id);
    expect(booked.statusCode, booked.body).toBe(200);
    const before = await counts();
    const problem = expectProblem(
      await addItem(SESSION, {
        title: { en: 'Breakout' },
        startsAt: '2027-03-09T14:00',
        endsAt: '2027-03-09T15:00',
        roomId: hallA.id,
      }),
      409,
      'agenda_room_conflict',
    );
    expect(problem.detail).toContain(`booked for the whole of ${OTHER_SESSION}`);
    expect(problem.detail).toContain('2027-03-07 to 2027-03-11');
    expect(await counts()).toEqual(before);

    // The session that booked it puts its own items there; another room is free.
    const own = await addItem(OTHER_SESSION, {
      title: { en: 'Own plenary' },
      startsAt: '2027-03-09T14:00',
      endsAt: '2027-03-09T15:00',
      roomId: hallA.id,
    });
    expect(own.statusCode, own.body).toBe(201);
    // A session booked from the 14th leaves the evening of the 11th free, on Kuwait's clock.
    const laterBooked = await book(LATER, hallB.id);
    expect(laterBooked.statusCode, laterBooked.body).toBe(200);
    const evening = await addItem(SESSION, {
      title: { en: 'Closing dinner talk' },
      startsAt: '2027-03-11T22:00',
      endsAt: '2027-03-11T23:59',
      roomId: hallB.id,
    });
    expect(evening.statusCode, evening.body).toBe(201);
  });

  it('refuses to book a room for a session while another session’s item holds it, confirmed or not', async () => {
    const item = await addItem(SESSION, {
      title: { en: 'Workshop', ar: 'ورشة عمل' },
      startsAt: '2027-03-10T09:00',
      endsAt: '2027-03-10T11:00',
      roomId: (
        await call(t.app, b.registrar, 'POST', '/api/v1/venues/KWI-NIRC/rooms', {
          name: 'Workshop room',
          capacity: 20,
        })
      ).json<Room>().id,
    });
    expect(item.statusCode, item.body).toBe(201);
    const roomId = item.json<AgendaItem>().room?.id as string;
    const before = await counts();
    for (const confirm of [false, true]) {
      const problem = expectProblem(
        await book(OTHER_SESSION, roomId, confirm),
        409,
        'room_conflict',
      );
      expect(problem.detail).toContain(`holds an agenda item of ${SESSION}`);
      // On the venue's clock, not in UTC.
      expect(problem.detail).toContain('2027-03-10 09:00 to 2027-03-10 11:00 (Asia/Kuwait)');
      expect((problem as unknown as { agendaItems: unknown[] }).agendaItems).toHaveLength(1);
    }
    expect(await counts()).toEqual(before);
    const still = await call(t.app, b.registrar, 'GET', `/api/v1/sessions/${OTHER_SESSION}/room`);
    expect(still.json<SessionRoom>().room?.id).toBe(hallA.id);

    // A session on other days books it freely.
    const later = await book(LATER, roomId);
    expect(later.statusCode, later.body).toBe(200);
  });

  it('lets a cancelled session’s items go', async () => {
    // Set directly: the rule under test is the clash query, not the cancellation's own work.
    await t.db.db
      .update(trainingSessions)
      .set({ status: 'cancelled' })
      .where(eq(trainingSessions.code, SESSION));
    const item = (await t.db.db.select().from(agendaItems)).find((i) => i.title.en === 'Workshop');
    const booked = await book(OTHER_SESSION, item?.roomId as string);
    expect(booked.statusCode, booked.body).toBe(200);
  });
});
