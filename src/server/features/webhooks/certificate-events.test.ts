import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import type { WebhookEndpointWithSecret } from '../../../contract/webhooks.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { startReceiver } from './receiver-fixture.js';

describe('certificate webhook events', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
  });
  afterAll(() => t.close());

  it('tells the centre of every certificate and a nation of its own people’s only', async () => {
    const centre = await startReceiver();
    const kwt = await startReceiver();
    try {
      const register = async (url: string, nationCode: string | null) => {
        const response = await call(t.app, world.browsers.admin, 'POST', '/api/v1/webhooks', {
          url,
          description: 'certificates',
          events: ['certificate.issued', 'certificate.revoked'],
          nationCode,
        });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<WebhookEndpointWithSecret>();
      };
      const centreEndpoint = await register(centre.url, null);
      const kwtEndpoint = await register(kwt.url, 'KWT');
      const issued = await call(
        t.app,
        world.browsers.registrar,
        'POST',
        `/api/v1/sessions/${SESSION}/certificates`,
      );
      expect(issued.statusCode, issued.body).toBe(200);
      const certificates = issued.json<{ issued: { id: string; nominationId: string }[] }>().issued;
      const salem = certificates.find((c) => c.nominationId === world.nominations.salem);
      if (!salem) throw new Error('no certificate for Salem');
      const revoked = await call(
        t.app,
        world.browsers.registrar,
        'POST',
        `/api/v1/certificates/${salem.id}/revoke`,
        { reason: 'Issued to the wrong person' },
      );
      expect(revoked.statusCode, revoked.body).toBe(200);
      await runDueJobs({ db: t.db.db, url: t.db.url, only: ['webhooks.deliver'] });

      const bodies = (received: typeof centre.received, secret: string) =>
        received.map(
          (got) =>
            new Webhook(secret).verify(got.body, {
              'webhook-id': String(got.headers['webhook-id']),
              'webhook-timestamp': String(got.headers['webhook-timestamp']),
              'webhook-signature': String(got.headers['webhook-signature']),
            }) as { type: string; data: { nationCode: string; certificateId: string } },
        );
      const toCentre = bodies(centre.received, centreEndpoint.secret);
      const toKuwait = bodies(kwt.received, kwtEndpoint.secret);
      expect(toCentre.filter((b) => b.type === 'certificate.issued')).toHaveLength(
        certificates.length,
      );
      expect(new Set(toCentre.map((b) => b.data.nationCode))).toEqual(new Set(['KWT', 'QAT']));
      expect(toKuwait.length).toBeGreaterThan(0);
      expect(toKuwait.every((b) => b.data.nationCode === 'KWT')).toBe(true);
      expect(toKuwait.find((b) => b.type === 'certificate.revoked')?.data).toMatchObject({
        certificateId: salem.id,
        revokeReason: 'Issued to the wrong person',
      });
    } finally {
      await centre.close();
      await kwt.close();
    }
  });
});
