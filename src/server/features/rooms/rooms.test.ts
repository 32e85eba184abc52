import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Room, RoomConflict, SessionRoom, VenueCalendar } from '../../../contract/rooms.js';
import type { Session } from '../../../contract/sessions.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

describe('rooms, bookings and interpretation', () => {
  let t: TestApp;
  let registrar: Browser;
  let instructor: Browser;
  let npoc: Browser;
  let hall: Room;
  let small: Room;
  let rome: Room;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASIC');
    registrar = await signInAs(t, ['registrar']);
    instructor = await signInAs(t, ['instructor']);
    npoc = await signInAs(t, ['npoc'], 'KWT');
    for (const [code, startDate, endDate] of [
      ['RB-1', '2027-03-07', '2027-03-11'],
      ['RB-2', '2027-03-11', '2027-03-15'],
      ['RB-3', '2027-03-14', '2027-03-18'],
    ] as const) {
      const created = await call(t.app, registrar, 'POST', '/api/v1/sessions', {
        ...sessionInput(code, 'CT-BASIC'),
        startDate,
        endDate,
        capacity: 24,
        quotas: [],
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const addRoom = (venue: string, body: object) =>
    call(t.app, registrar, 'POST', `/api/v1/venues/${venue}/rooms`, body);
  const book = (code: string, body: object) =>
    call(t.app, registrar, 'PUT', `/api/v1/sessions/${code}/room`, body);
  const auditOf = async (action: string) => {
    const { rows } = await t.db.pool.query<{ before: unknown; after: Record<string, unknown> }>(
      'select before, after from audit_log where action = $1 order by id',
      [action],
    );
    return rows;
  };

  it('adds rooms with capacity and equipment, unique by name per venue, audited', async () => {
    const created = await addRoom('KWI-NIRC', {
      name: 'Plenary hall',
      capacity: 60,
      equipment: ['projector', 'interpretation booths'],
    });
    expect(created.statusCode, created.body).toBe(201);
    hall = created.json<Room>();
    small = (await addRoom('KWI-NIRC', { name: 'Syndicate room 2', capacity: 12 })).json<Room>();
    rome = (await addRoom('ROM-NDC', { name: 'Plenary hall', capacity: 80 })).json<Room>();
    expect(small.equipment).toEqual([]);
    expectProblem(
      await addRoom('KWI-NIRC', { name: 'PLENARY HALL', capacity: 5 }),
      409,
      'room_exists',
    );
    expectProblem(await addRoom('NOPE', { name: 'X', capacity: 5 }), 404, 'not_found');
    const zero = await addRoom('KWI-NIRC', { name: 'Closet', capacity: 0 });
    expect(expectProblem(zero, 400, 'validation_failed').errors?.[0]?.field).toBe('capacity');
    expect((await auditOf('room.created')).map((r) => r.after.name)).toEqual([
      'Plenary hall',
      'Syndicate room 2',
      'Plenary hall',
    ]);
    const list = await call(t.app, instructor, 'GET', '/api/v1/venues/KWI-NIRC/rooms');
    expect(list.json<Room[]>().map((r) => r.name)).toEqual(['Plenary hall', 'Syndicate room 2']);
  });

  it('edits a room, and answers 404 for a room of another venue', async () => {
    const edit = await call(
      t.app,
      registrar,
      'PATCH',
      `/api/v1/venues/KWI-NIRC/rooms/${small.id}`,
      {
        capacity: 14,
      },
    );
    expect(edit.json<Room>().capacity).toBe(14);
    expectProblem(
      await call(t.app, registrar, 'PATCH', `/api/v1/venues/KWI-NIRC/rooms/${rome.id}`, {
        capacity: 1,
      }),
      404,
      'not_found',
    );
  });

  it('books a room of the session’s venue only', async () => {
    const other = await book('RB-1', { roomId: rome.id });
    expect(expectProblem(other, 400, 'validation_failed').errors?.[0]?.field).toBe('roomId');
    const response = await book('RB-1', { roomId: hall.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<SessionRoom>()).toMatchObject({
      room: { id: hall.id },
      shortfall: 0,
      conflicts: [],
      sessionCapacity: 24,
    });
    expect((await auditOf('session.room-booked')).at(-1)?.after).toMatchObject({
      room: { name: 'Plenary hall' },
    });
  });

  it('warns, without refusing, when the room seats fewer than the session', async () => {
    const response = await book('RB-3', { roomId: small.id });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<SessionRoom>().shortfall).toBe(10);
  });

  it('refuses the same room on one shared day (409 room_conflict), writing nothing, unless confirmed', async () => {
    const refused = await book('RB-2', { roomId: hall.id });
    const problem = expectProblem(refused, 409, 'room_conflict');
    expect((problem as unknown as { conflicts: RoomConflict[] }).conflicts).toEqual([
      { sessionCode: 'RB-1', startDate: '2027-03-07', endDate: '2027-03-11' },
    ]);
    const unchanged = await call(t.app, registrar, 'GET', '/api/v1/sessions/RB-2/room');
    expect(unchanged.json<SessionRoom>().room).toBeNull();

    const confirmed = await book('RB-2', { roomId: hall.id, confirmRoomConflict: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<SessionRoom>().conflicts).toEqual([
      { sessionCode: 'RB-1', startDate: '2027-03-07', endDate: '2027-03-11' },
    ]);
    expect((await auditOf('session.room-booked')).at(-1)?.after.conflictsConfirmed).toEqual([
      expect.objectContaining({ sessionCode: 'RB-1' }),
    ]);
  });

  it('does not count a cancelled session', async () => {
    const cancel = await call(t.app, registrar, 'POST', '/api/v1/sessions/RB-2/transitions', {
      to: 'cancelled',
      reason: 'Merged with RB-1',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const rb1 = await call(t.app, registrar, 'GET', '/api/v1/sessions/RB-1/room');
    expect(rb1.json<SessionRoom>().conflicts).toEqual([]);
    expectProblem(await book('RB-2', { roomId: small.id }), 409, 'session_not_editable');
  });

  it('sets interpretation pairs, one way round, and refuses a repeated pair', async () => {
    const response = await call(t.app, registrar, 'PUT', '/api/v1/sessions/RB-1/interpretation', {
      pairs: [
        { from: 'en', to: 'ar', interpreters: 2 },
        { from: 'fr', to: 'ar', interpreters: 3 },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<SessionRoom>().interpretation).toEqual([
      { from: 'ar', to: 'en', interpreters: 2 },
      { from: 'ar', to: 'fr', interpreters: 3 },
    ]);
    const repeated = await call(t.app, registrar, 'PUT', '/api/v1/sessions/RB-1/interpretation', {
      pairs: [
        { from: 'en', to: 'ar', interpreters: 2 },
        { from: 'ar', to: 'en', interpreters: 1 },
      ],
    });
    const problem = expectProblem(repeated, 400, 'validation_failed');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'pairs.1.to', code: 'duplicate_pair' }),
    ]);
    const same = await call(t.app, registrar, 'PUT', '/api/v1/sessions/RB-1/interpretation', {
      pairs: [{ from: 'ar', to: 'ar', interpreters: 2 }],
    });
    expect(expectProblem(same, 400, 'validation_failed').errors?.[0]?.code).toBe('same_language');
    const kept = await call(t.app, instructor, 'GET', '/api/v1/sessions/RB-1/room');
    expect(kept.json<SessionRoom>().interpretation).toHaveLength(2);
    expect((await auditOf('session.interpretation-set')).length).toBe(1);
  });

  it('shows the venue calendar per room over a date range, without cancelled sessions', async () => {
    const response = await call(
      t.app,
      instructor,
      'GET',
      '/api/v1/venues/KWI-NIRC/calendar?from=2027-03-01&to=2027-03-31',
    );
    expect(response.statusCode, response.body).toBe(200);
    const calendar = response.json<VenueCalendar>();
    expect(
      calendar.rooms.map((room) => [room.name, room.bookings.map((b) => b.sessionCode)]),
    ).toEqual([
      ['Plenary hall', ['RB-1']],
      ['Syndicate room 2', ['RB-3']],
    ]);
    expect(calendar.rooms[0]?.bookings[0]?.interpretation).toHaveLength(2);
    const april = await call(
      t.app,
      instructor,
      'GET',
      '/api/v1/venues/KWI-NIRC/calendar?from=2027-04-01&to=2027-04-30',
    );
    expect(april.json<VenueCalendar>().rooms.every((r) => r.bookings.length === 0)).toBe(true);
  });

  it.each([
    ['a reversed range', 'from=2027-03-31&to=2027-03-01', 'to'],
    ['over a year', 'from=2027-01-01&to=2028-01-02', 'to'],
    ['no range', '', 'from'],
  ])('refuses %s with 400', async (_, query, field) => {
    const response = await call(
      t.app,
      registrar,
      'GET',
      `/api/v1/venues/KWI-NIRC/calendar?${query}`,
    );
    expect(expectProblem(response, 400, 'validation_failed').errors?.map((e) => e.field)).toContain(
      field,
    );
  });

  it('gives a room back, audited', async () => {
    const response = await call(t.app, registrar, 'DELETE', '/api/v1/sessions/RB-3/room');
    expect(response.json<SessionRoom>()).toMatchObject({ room: null, shortfall: 0 });
    expect((await auditOf('session.room-released')).at(-1)?.before).toMatchObject({
      name: 'Syndicate room 2',
    });
    expectProblem(
      await call(t.app, registrar, 'DELETE', '/api/v1/sessions/RB-3/room'),
      404,
      'not_found',
    );
  });

  it('keeps rooms and calendars from nations, and writes to centre staff', async () => {
    expectProblem(
      await call(t.app, npoc, 'GET', '/api/v1/venues/KWI-NIRC/rooms'),
      403,
      'forbidden',
    );
    expectProblem(
      await call(
        t.app,
        npoc,
        'GET',
        '/api/v1/venues/KWI-NIRC/calendar?from=2027-03-01&to=2027-03-31',
      ),
      403,
      'forbidden',
    );
    expectProblem(await call(t.app, npoc, 'GET', '/api/v1/sessions/RB-1/room'), 403, 'forbidden');
    expectProblem(
      await call(t.app, instructor, 'PUT', '/api/v1/sessions/RB-3/room', { roomId: small.id }),
      403,
      'forbidden',
    );
    expectProblem(
      await call(t.app, instructor, 'POST', '/api/v1/venues/KWI-NIRC/rooms', {
        name: 'Y',
        capacity: 3,
      }),
      403,
      'forbidden',
    );
  });

  it('releases the room of a session that moves to another venue, says so and audits it', async () => {
    const moved = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/RB-1', {
      venueCode: 'ROM-NDC',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Session>().notices).toEqual([
      expect.objectContaining({
        code: 'room_released',
        roomName: 'Plenary hall',
        venueCode: 'KWI-NIRC',
      }),
    ]);
    const room = await call(t.app, registrar, 'GET', '/api/v1/sessions/RB-1/room');
    expect(room.json<SessionRoom>()).toMatchObject({ venueCode: 'ROM-NDC', room: null });
    expect((await auditOf('session.room-released')).at(-1)).toMatchObject({
      before: { name: 'Plenary hall' },
      after: { reason: 'venue-changed', venueCode: 'ROM-NDC' },
    });
    // An edit that keeps the venue says nothing of rooms.
    const again = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/RB-1', { capacity: 20 });
    expect(again.json<Session>().notices).toBeUndefined();
  });
});
