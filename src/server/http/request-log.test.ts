import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signIn, type TestApp } from '../../../test/support/app.js';
import { makeUser } from '../../../test/support/factories.js';

interface LogLine {
  reqId?: string;
  msg?: string;
  actor?: { id: string; roles: string[] };
  res?: { statusCode: number };
}

describe('the request log', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  const raw: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        raw.push(String(chunk));
        lines.push(JSON.parse(String(chunk)) as LogLine);
        done();
      },
    });
    t = await createTestApp({ logger: { level: 'info', stream } });
  });
  afterAll(() => t.close());

  const completed = (requestId: unknown) =>
    lines.find((l) => l.reqId === String(requestId) && l.msg === 'request completed');

  it('names the signed-in actor by id and roles on the completed-request line, never by e-mail', async () => {
    const user = await makeUser(t.db.db, ['administrator']);
    const session = await signIn(t.app, user.email, user.password);
    const response = await call(t.app, session, 'GET', `/api/v1/users/${user.id}`);
    expect(response.statusCode).toBe(200);
    const line = completed(response.headers['x-request-id']);
    expect(line?.actor).toEqual({ id: user.id, roles: ['administrator'] });
    expect(line?.res?.statusCode).toBe(200);
    const ofRequest = raw.filter((l) => l.includes(String(response.headers['x-request-id'])));
    expect(ofRequest.join('\n')).not.toContain(user.email);
  });

  it('names the actor a permission was refused to', async () => {
    const user = await makeUser(t.db.db, ['instructor']);
    const session = await signIn(t.app, user.email, user.password);
    const response = await call(t.app, session, 'GET', '/api/v1/users');
    expect(response.statusCode).toBe(403);
    expect(completed(response.headers['x-request-id'])?.actor?.id).toBe(user.id);
  });

  it('names nobody on a request that did not sign in', async () => {
    const response = await t.app.inject({ url: '/api/v1/users' });
    expect(response.statusCode).toBe(401);
    const line = completed(response.headers['x-request-id']);
    expect(line?.reqId).toBe(response.headers['x-request-id']);
    expect(line?.actor).toBeUndefined();
  });
});
