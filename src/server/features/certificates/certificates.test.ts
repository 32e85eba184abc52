import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  type TestApp,
} from '../../../../test/support/app.js';
import { exportAuditsOf } from '../../../../test/support/audit.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type {
  Certificate,
  CertificateKeySet,
  IssueOutcome,
  MyCertificate,
  SessionCertificates,
} from '../../../contract/certificates.js';
import { auditLog, certificates, signingKeys } from '../../db/schema/index.js';
import { processRegistry } from '../../metrics/process-metrics.js';
import { verifyBadge } from './badge.js';
import { extractSignature } from './pdf/embedded.js';
import { OTHER_SESSION, SESSION, seedCertificateWorld } from './test-data.js';

const LIST = `/api/v1/sessions/${SESSION}/certificates`;
const ZIP = `/api/v1/sessions/${SESSION}/certificates.zip`;
const issueOne = (nominationId: string) => `/api/v1/nominations/${nominationId}/certificate`;
const UNKNOWN_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const UNKNOWN_NOMINATION = '00000000-0000-4000-8000-000000000000';

describe('certificates', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let b: typeof world.browsers;
  let salemCertificate: Certificate;

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    b = world.browsers;
  });
  afterAll(() => t.close());

  const get = (who: Browser | null, url: string) => call(t.app, who, 'GET', url);
  const post = (who: Browser | null, url: string, body?: unknown) =>
    call(t.app, who, 'POST', url, body);

  describe('issuing one', () => {
    it('refuses a participant who did not complete (409 not_completed), writing nothing', async () => {
      expectProblem(
        await post(b.registrar, issueOne(world.nominations.nasser)),
        409,
        'not_completed',
      );
      // Completed, but never selected: not a participant of the session.
      expectProblem(
        await post(b.registrar, issueOne(world.nominations.waiting)),
        409,
        'not_completed',
      );
      expect(await t.db.db.select().from(certificates)).toEqual([]);
    });

    it('issues to a completed participant for the session’s director, signed and audited', async () => {
      const response = await post(b.director, issueOne(world.nominations.salem));
      expect(response.statusCode, response.body).toBe(201);
      salemCertificate = response.json<Certificate>();
      expect(salemCertificate.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(salemCertificate.printed).toEqual({
        id: salemCertificate.id,
        languages: ['en', 'ar'],
        award: 'completion',
        participant: { latin: 'Salem Al-Ali', arabic: 'العقيد سالم ٤٢' },
        activity: {
          code: 'CTM-CT-2839',
          title: { en: 'Counter-Terrorism Awareness', other: 'التوعية بمكافحة الإرهاب' },
          type: 'course',
        },
        session: {
          code: SESSION,
          startDate: '2027-03-07',
          endDate: '2027-03-11',
          venue: { en: 'NATO-ICI Regional Centre', other: 'المركز الإقليمي' },
        },
        issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        issuer: { en: 'NATO-ICI Regional Centre', other: null },
      });
      expect(salemCertificate.keyId).toMatch(/^k-\d{4}-\d{2}$/);
      expect(salemCertificate.verifyUrl).toMatch(new RegExp(`/verify/${salemCertificate.id}$`));
      const keys = await t.db.db.select().from(signingKeys);
      expect(keys).toHaveLength(1);
      expect(keys[0]?.privateKey).toContain('BEGIN PRIVATE KEY');
      const audit = await t.db.db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'certificate.issued'),
            eq(auditLog.entityId, salemCertificate.id),
          ),
        );
      expect(audit).toHaveLength(1);
    });

    it('refuses a second valid certificate for the same participant', async () => {
      expectProblem(
        await post(b.registrar, issueOne(world.nominations.salem)),
        409,
        'already_certified',
      );
    });

    it('answers 400, 401, 403 and 404 as it should', async () => {
      expectProblem(await post(b.registrar, issueOne('not-a-uuid')), 400, 'validation_failed');
      expectProblem(await post(null, issueOne(world.nominations.fahad)), 401, 'unauthenticated');
      expectProblem(await post(b.npocKwt, issueOne(world.nominations.fahad)), 403, 'forbidden');
      expectProblem(await post(b.instructor, issueOne(world.nominations.fahad)), 403, 'forbidden');
      // A director, but not of this session.
      expectProblem(
        await post(b.director, issueOne(world.nominations.elsewhere)),
        403,
        'forbidden',
      );
      expectProblem(await post(b.registrar, issueOne(UNKNOWN_NOMINATION)), 404, 'not_found');
    });
  });

  describe('a session’s list and bulk issue', () => {
    it('lists selected participants with results for staff, observers and the session’s team', async () => {
      for (const who of [b.registrar, b.director, b.instructor, b.observer]) {
        const response = await get(who, LIST);
        expect(response.statusCode, response.body).toBe(200);
        const list = response.json<SessionCertificates>();
        expect(
          list.rows.map((r) => [r.familyNameLatin, r.result, r.certificate?.id ?? null]),
        ).toEqual([
          ['Al-Ali', 'completed', salemCertificate.id],
          ['Al-Sabah', 'completed', null],
          ['Nasser', 'failed', null],
          ['Al-Thani', 'completed', null],
        ]);
        expect(list.issuable).toBe(2);
      }
    });

    it('shows an observer of one nation only that nation’s participants', async () => {
      const response = await get(b.observerQat, LIST);
      expect(response.statusCode, response.body).toBe(200);
      const list = response.json<SessionCertificates>();
      expect(list.rows.map((r) => [r.nationCode, r.familyNameLatin])).toEqual([
        ['QAT', 'Al-Thani'],
      ]);
      expect(list.issuable).toBe(1);
    });

    it('answers 401, 403 and 404 for the list', async () => {
      expectProblem(await get(null, LIST), 401, 'unauthenticated');
      expectProblem(await get(b.npocKwt, LIST), 403, 'forbidden');
      expectProblem(
        await get(b.director, `/api/v1/sessions/${OTHER_SESSION}/certificates`),
        403,
        'forbidden',
      );
      expectProblem(
        await get(b.registrar, '/api/v1/sessions/NOPE-1/certificates'),
        404,
        'not_found',
      );
      expectProblem(
        await get(b.registrar, '/api/v1/sessions/bad code/certificates'),
        400,
        'validation_failed',
      );
    });

    it('refuses bulk issue to those without the right, on another director’s session, or unknown', async () => {
      expectProblem(await post(null, LIST), 401, 'unauthenticated');
      expectProblem(await post(b.npocKwt, LIST), 403, 'forbidden');
      expectProblem(await post(b.observer, LIST), 403, 'forbidden');
      expectProblem(
        await post(b.director, `/api/v1/sessions/${OTHER_SESSION}/certificates`),
        403,
        'forbidden',
      );
      expectProblem(
        await post(b.registrar, '/api/v1/sessions/NOPE-1/certificates'),
        404,
        'not_found',
      );
      expectProblem(
        await post(b.registrar, '/api/v1/sessions/bad code/certificates'),
        400,
        'validation_failed',
      );
    });

    it('issues to everyone completed and uncertified, once', async () => {
      const issuedCount = async () =>
        (await processRegistry.getSingleMetric('rabita_certificates_issued_total')?.get())
          ?.values[0]?.value ?? 0;
      const before = await issuedCount();
      const first = await post(b.director, LIST);
      expect(first.statusCode, first.body).toBe(200);
      const outcome = first.json<IssueOutcome>();
      expect(outcome.issued.map((c) => c.printed.participant.latin).sort()).toEqual([
        'Fahad Al-Sabah',
        'Hamad Al-Thani',
      ]);
      expect(outcome).toMatchObject({ alreadyCertified: 1, notCompleted: 1 });
      const again = (await post(b.registrar, LIST)).json<IssueOutcome>();
      expect(again).toEqual({ issued: [], alreadyCertified: 3, notCompleted: 1 });
      // Counted for /metrics as issued, once each.
      expect(await issuedCount()).toBe(before + 2);
      expect((await get(b.registrar, LIST)).json<SessionCertificates>().issuable).toBe(0);
    });
  });

  describe('downloads', () => {
    const pdfUrl = () => `/api/v1/certificates/${salemCertificate.id}.pdf`;
    const badgeUrl = () => `/api/v1/certificates/${salemCertificate.id}/badge.json`;

    it('gives the PDF to its holder, their NPOC, centre staff and the session’s director', async () => {
      for (const who of [b.salem, b.npocKwt, b.registrar, b.admin, b.director]) {
        const response = await get(who, pdfUrl());
        expect(response.statusCode, response.body).toBe(200);
        expect(await exportAuditsOf(t.db.pool, response)).toEqual([
          {
            actorId: who.userId,
            entityType: 'certificate',
            entityId: salemCertificate.id,
            after: { export: 'certificate-pdf', format: 'pdf' },
          },
        ]);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toContain(`${salemCertificate.id}.pdf`);
        const embedded = extractSignature(response.rawPayload);
        expect(embedded?.keyId).toBe(salemCertificate.keyId);
        expect(JSON.parse(embedded?.payload.toString('utf8') ?? '{}')).toEqual(
          salemCertificate.printed,
        );
      }
    });

    it('hides it from another nation (404) and refuses those without a right (403)', async () => {
      expectProblem(await get(b.npocQat, pdfUrl()), 404, 'not_found');
      expectProblem(await get(b.npocQat, badgeUrl()), 404, 'not_found');
      expectProblem(await get(b.instructor, pdfUrl()), 403, 'forbidden');
      expectProblem(await get(b.observer, badgeUrl()), 403, 'forbidden');
      expectProblem(await get(null, pdfUrl()), 401, 'unauthenticated');
      expectProblem(await get(null, badgeUrl()), 401, 'unauthenticated');
      expectProblem(
        await get(b.registrar, `/api/v1/certificates/${UNKNOWN_ID}.pdf`),
        404,
        'not_found',
      );
      expectProblem(
        await get(b.registrar, '/api/v1/certificates/short.pdf'),
        400,
        'validation_failed',
      );
      expectProblem(
        await get(b.registrar, '/api/v1/certificates/short/badge.json'),
        400,
        'validation_failed',
      );
    });

    it('exports an Open Badges 3.0 credential whose proof verifies with the published key', async () => {
      const response = await get(b.salem, badgeUrl());
      expect(response.statusCode, response.body).toBe(200);
      expect(await exportAuditsOf(t.db.pool, response)).toMatchObject([
        { entityId: salemCertificate.id, after: { export: 'certificate-badge', format: 'json' } },
      ]);
      const badge = response.json<Record<string, unknown>>();
      expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(badge).toMatchObject({
        '@context': expect.arrayContaining(['https://www.w3.org/ns/credentials/v2']),
        issuer: { type: ['Profile'], name: 'NATO-ICI Regional Centre' },
        validFrom: salemCertificate.issuedAt,
        credentialSubject: {
          achievement: { type: ['Achievement'], name: 'Counter-Terrorism Awareness' },
        },
        proof: {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-jcs-2022',
          proofPurpose: 'assertionMethod',
          verificationMethod: expect.stringMatching(
            new RegExp(`/\\.well-known/rabita-certificate-keys\\.json#${salemCertificate.keyId}$`),
          ),
        },
      });
      const keys = (
        await get(null, '/.well-known/rabita-certificate-keys.json')
      ).json<CertificateKeySet>();
      expect(verifyBadge(badge, keys)).toBe(true);
      const forged = { ...badge, name: 'Something else' };
      expect(verifyBadge(forged, keys)).toBe(false);
    });

    it('zips one PDF per valid certificate of the session for staff', async () => {
      const response = await get(b.director, ZIP);
      expect(response.statusCode, response.body).toBe(200);
      expect(await exportAuditsOf(t.db.pool, response)).toMatchObject([
        {
          actorId: b.director.userId,
          entityType: 'session',
          after: { export: 'certificates-zip', format: 'zip', rows: 3 },
        },
      ]);
      expect(response.headers['content-type']).toBe('application/zip');
      const files = unzipSync(new Uint8Array(response.rawPayload));
      const names = Object.keys(files);
      expect(names).toHaveLength(3);
      expect(names.every((n) => n.startsWith(`${SESSION}-`) && n.endsWith('.pdf'))).toBe(true);
      const ids = names.map((n) => extractSignature(Buffer.from(files[n] ?? []))?.payload);
      expect(ids.every(Boolean)).toBe(true);
    });

    it('refuses the ZIP as it should', async () => {
      expectProblem(await get(null, ZIP), 401, 'unauthenticated');
      const refused = await get(b.npocKwt, ZIP);
      expectProblem(refused, 403, 'forbidden');
      expect(await exportAuditsOf(t.db.pool, refused)).toEqual([]);
      expectProblem(
        await get(b.director, `/api/v1/sessions/${OTHER_SESSION}/certificates.zip`),
        403,
        'forbidden',
      );
      expectProblem(
        await get(b.registrar, `/api/v1/sessions/${OTHER_SESSION}/certificates.zip`),
        409,
        'no_certificates',
      );
      expectProblem(
        await get(b.registrar, '/api/v1/sessions/NOPE-1/certificates.zip'),
        404,
        'not_found',
      );
    });

    it('lists a participant’s own certificates, and nobody else’s', async () => {
      const mine = await get(b.salem, '/api/v1/me/certificates');
      expect(mine.statusCode, mine.body).toBe(200);
      const items = mine.json<{ items: MyCertificate[] }>().items;
      expect(items.map((c) => c.id)).toEqual([salemCertificate.id]);
      expect((await get(b.npocKwt, '/api/v1/me/certificates')).json()).toEqual({ items: [] });
      expectProblem(await get(null, '/api/v1/me/certificates'), 401, 'unauthenticated');
    });
  });

  describe('revocation', () => {
    const revoke = (id: string) => `/api/v1/certificates/${id}/revoke`;

    it('refuses bad input, strangers and those without the right', async () => {
      expectProblem(
        await post(b.registrar, revoke(salemCertificate.id), { reason: 'x' }),
        400,
        'validation_failed',
      );
      expectProblem(
        await post(b.registrar, revoke(salemCertificate.id), { reason: 'Wrong person', extra: 1 }),
        400,
        'validation_failed',
      );
      expectProblem(
        await post(null, revoke(salemCertificate.id), { reason: 'Wrong person' }),
        401,
        'unauthenticated',
      );
      expectProblem(
        await post(b.director, revoke(salemCertificate.id), { reason: 'Wrong person' }),
        403,
        'forbidden',
      );
      expectProblem(
        await post(b.npocKwt, revoke(salemCertificate.id), { reason: 'Wrong person' }),
        403,
        'forbidden',
      );
      expectProblem(
        await post(b.registrar, revoke(UNKNOWN_ID), { reason: 'Wrong person' }),
        404,
        'not_found',
      );
    });

    it('revokes with a reason, audited; the public check says so and the PDF is withheld', async () => {
      const response = await post(b.registrar, revoke(salemCertificate.id), {
        reason: 'Issued in error',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Certificate>()).toMatchObject({
        revokedAt: expect.any(String),
        revokeReason: 'Issued in error',
      });
      expectProblem(
        await post(b.admin, revoke(salemCertificate.id), { reason: 'Again' }),
        409,
        'already_revoked',
      );
      const check = (await get(null, `/api/v1/verify/${salemCertificate.id}`)).json();
      expect(check).toMatchObject({ status: 'revoked', reason: 'Issued in error' });
      expectProblem(
        await get(b.salem, `/api/v1/certificates/${salemCertificate.id}.pdf`),
        409,
        'certificate_revoked',
      );
      const audit = await t.db.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'certificate.revoked'));
      expect(audit.map((a) => a.entityId)).toEqual([salemCertificate.id]);
      const mine = (await get(b.salem, '/api/v1/me/certificates')).json<{
        items: MyCertificate[];
      }>();
      expect(mine.items[0]?.revokedAt).not.toBeNull();
    });

    it('lets a new certificate be issued after a revocation', async () => {
      const response = await post(b.registrar, issueOne(world.nominations.salem));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<Certificate>().id).not.toBe(salemCertificate.id);
      const list = (await get(b.registrar, LIST)).json<SessionCertificates>();
      expect(list.rows[0]?.certificate?.id).toBe(response.json<Certificate>().id);
    });
  });
});
