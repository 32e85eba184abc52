import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  type Session,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { NotificationList } from '../../../contract/messages.js';
import { notifyUser } from './outbox.js';

describe('in-app notifications', () => {
  let t: TestApp;
  let kuwait: Session;
  let qatar: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    kuwait = await signInAs(t, ['npoc'], 'KWT');
    qatar = await signInAs(t, ['npoc'], 'QAT');
    await t.db.db.transaction(async (tx) => {
      for (let i = 1; i <= 3; i++) {
        await notifyUser(tx, kuwait.userId, {
          kind: 'nomination-selected',
          params: { sessionCode: `KWT-${i}`, participantName: `Person ${i}` },
          link: `/nominations/${i}`,
        });
      }
      await notifyUser(tx, qatar.userId, {
        kind: 'nomination-rejected',
        params: { sessionCode: 'QAT-1', participantName: 'Other', reason: 'late' },
      });
    });
  });
  afterAll(() => t.close());

  const list = async (session: Session, query = '') => {
    const response = await call(t.app, session, 'GET', `/api/v1/notifications${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NotificationList>();
  };

  it('shows each user their own, newest first, with the unread count', async () => {
    const mine = await list(kuwait);
    expect(mine.unreadCount).toBe(3);
    expect(mine.items.map((n) => n.params.sessionCode)).toEqual(['KWT-3', 'KWT-2', 'KWT-1']);
    expect(mine.items[0]).toMatchObject({
      kind: 'nomination-selected',
      link: '/nominations/3',
      readAt: null,
    });
    const theirs = await list(qatar);
    expect(theirs.items.map((n) => n.params.sessionCode)).toEqual(['QAT-1']);
    expect(theirs.items[0]?.params.reason).toBe('late');
  });

  it('pages with a cursor', async () => {
    const first = await list(kuwait, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(kuwait, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.params.sessionCode)).toEqual(['KWT-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('marks one read; another user’s notification is not found', async () => {
    const [newest] = (await list(kuwait)).items;
    if (!newest) throw new Error('no notification');
    const other = (await list(qatar)).items[0];
    expectProblem(
      await call(t.app, qatar, 'POST', `/api/v1/notifications/${newest.id}/read`),
      404,
      'not_found',
    );
    expectProblem(
      await call(t.app, kuwait, 'POST', `/api/v1/notifications/${other?.id}/read`),
      404,
      'not_found',
    );
    const read = await call(t.app, kuwait, 'POST', `/api/v1/notifications/${newest.id}/read`);
    expect(read.statusCode).toBe(204);
    const after = await list(kuwait);
    expect(after.unreadCount).toBe(2);
    expect(after.items[0]?.readAt).not.toBeNull();
    expect((await list(kuwait, '?unread=true')).items).toHaveLength(2);
    expect((await list(qatar)).unreadCount).toBe(1);
  });

  it('marks all of one’s own read, and only those', async () => {
    const response = await call(t.app, kuwait, 'POST', '/api/v1/notifications/read-all');
    expect(response.statusCode).toBe(204);
    expect((await list(kuwait)).unreadCount).toBe(0);
    expect((await list(qatar)).unreadCount).toBe(1);
    const { rows } = await t.db.pool.query(
      `select after from audit_log where action = 'notification.read_all' and entity_id = $1`,
      [kuwait.userId],
    );
    expect(rows).toEqual([{ after: { count: 2 } }]);
  });

  it('validates and needs a session', async () => {
    expectProblem(
      await call(t.app, kuwait, 'GET', '/api/v1/notifications?limit=0'),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, kuwait, 'GET', '/api/v1/notifications?cursor=%%'),
      400,
      'validation_failed',
    );
    expectProblem(
      await call(t.app, kuwait, 'POST', '/api/v1/notifications/x/read'),
      400,
      'validation_failed',
    );
    expectProblem(await call(t.app, null, 'GET', '/api/v1/notifications'), 401, 'unauthenticated');
    expectProblem(
      await call(t.app, null, 'POST', '/api/v1/notifications/1/read'),
      401,
      'unauthenticated',
    );
    expectProblem(
      await call(t.app, null, 'POST', '/api/v1/notifications/read-all'),
      401,
      'unauthenticated',
    );
    // Every role has a bell; a write without the CSRF header is refused like any other.
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      headers: { cookie: kuwait.cookie },
    });
    expectProblem(bare, 403, 'csrf_failed');
  });
});
