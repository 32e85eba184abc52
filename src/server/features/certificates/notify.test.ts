import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Certificate, IssueOutcome } from '../../../contract/certificates.js';
import {
  activities,
  certificates,
  nominations,
  notifications,
  outboxMessages,
  participants,
  trainingSessions,
  users,
} from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { issueSessionCertificates } from './service.js';
import { SESSION, seedCertificateWorld } from './test-data.js';

const LIST = `/api/v1/sessions/${SESSION}/certificates`;
const issueOne = (nominationId: string) => `/api/v1/nominations/${nominationId}/certificate`;
const revoke = (id: string) => `/api/v1/certificates/${id}/revoke`;
const TITLE = {
  en: 'Counter-Terrorism Awareness',
  fr: 'Sensibilisation au contre-terrorisme',
  ar: 'التوعية بمكافحة الإرهاب',
};

/**
 * The world of certificates.test.ts, taught in French: Salem reads Arabic in his account and
 * has another address on his record, Fahad and Hamad have only their record's address.
 */
describe('telling participants of their certificates', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof seedCertificateWorld>>;
  let salemEmail: string;

  const post = (url: string, body?: unknown) =>
    call(t.app, world.browsers.registrar, 'POST', url, body);
  const outbox = () => t.db.db.select().from(outboxMessages).orderBy(outboxMessages.id);
  const certificateNotes = () =>
    t.db.db.select().from(notifications).where(eq(notifications.kind, 'certificate-issued'));

  async function setRecordEmail(nominationId: string, email: string | null) {
    const participantOf = t.db.db
      .select({ id: nominations.participantId })
      .from(nominations)
      .where(eq(nominations.id, nominationId));
    await t.db.db
      .update(participants)
      .set({ email })
      .where(inArray(participants.id, participantOf));
  }

  beforeAll(async () => {
    t = await createTestApp();
    world = await seedCertificateWorld(t);
    const db = t.db.db;
    await db
      .update(trainingSessions)
      .set({ language: 'fr' })
      .where(eq(trainingSessions.code, SESSION));
    await db.update(activities).set({ title: TITLE }).where(eq(activities.code, 'CTM-CT-2839'));
    const [salem] = await db
      .update(users)
      .set({ locale: 'ar' })
      .where(eq(users.id, world.browsers.salem.userId))
      .returning({ email: users.email });
    salemEmail = salem?.email ?? '';
    await setRecordEmail(world.nominations.salem, 'salem.record@kwt.example');
    await setRecordEmail(world.nominations.fahad, 'fahad@kwt.example');
    await setRecordEmail(world.nominations.hamad, 'hamad@qat.example');
  });
  afterAll(() => t.close());

  it('queues nothing when the issue rolls back', async () => {
    await expect(
      t.db.db.transaction(async (tx) => {
        const system = systemContext(tx, 'test');
        const ctx = { ...system, actor: { ...system.actor, id: world.browsers.registrar.userId } };
        const outcome = await issueSessionCertificates(ctx, SESSION);
        expect(outcome.issued).toHaveLength(3);
        expect(await tx.select().from(outboxMessages)).toHaveLength(3);
        throw new Error('the issue failed');
      }),
    ).rejects.toThrow('the issue failed');
    expect(await t.db.db.select().from(certificates)).toEqual([]);
    expect(await outbox()).toEqual([]);
    expect(await certificateNotes()).toEqual([]);
  });

  it('e-mails one certificate to the account’s address, in the account’s language, and rings the bell', async () => {
    const response = await post(issueOne(world.nominations.salem));
    expect(response.statusCode, response.body).toBe(201);
    const certificate = response.json<Certificate>();
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event: 'certificate-issued',
      locale: 'ar',
      toAddress: salemEmail,
      userId: world.browsers.salem.userId,
    });
    expect(rows[0]?.subject).toBe(`شهادتكم: ${TITLE.ar} (${SESSION})`);
    expect(rows[0]?.body).toContain(certificate.verifyUrl);
    expect(rows[0]?.body).toContain('Salem Al-Ali');
    expect(certificate.verifyUrl).toMatch(new RegExp(`^https?://[^/]+/verify/${certificate.id}$`));
    const notes = await certificateNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: world.browsers.salem.userId,
      params: { sessionCode: SESSION },
      link: '/',
    });
  });

  it('sends nothing again for a participant who already holds a valid certificate', async () => {
    expectProblem(await post(issueOne(world.nominations.salem)), 409, 'already_certified');
    expect(await outbox()).toHaveLength(1);
    expect(await certificateNotes()).toHaveLength(1);
  });

  it('e-mails one per certificate a bulk issue makes, to the record’s address in the session’s language', async () => {
    const response = await post(LIST);
    expect(response.statusCode, response.body).toBe(200);
    const outcome = response.json<IssueOutcome>();
    expect(outcome.alreadyCertified).toBe(1);
    expect(outcome.issued).toHaveLength(2);
    const rows = (await outbox()).slice(1);
    expect(rows).toHaveLength(2);
    for (const issued of outcome.issued) {
      const latin = issued.printed.participant.latin;
      const email = latin === 'Fahad Al-Sabah' ? 'fahad@kwt.example' : 'hamad@qat.example';
      const mine = rows.filter((r) => r.toAddress === email);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ event: 'certificate-issued', locale: 'fr', userId: null });
      expect(mine[0]?.subject).toBe(`Votre certificat : ${TITLE.fr} (${SESSION})`);
      expect(mine[0]?.body).toContain(issued.verifyUrl);
      expect(mine[0]?.body).toContain(latin);
    }
    // Neither has an account: no bell to ring.
    expect(await certificateNotes()).toHaveLength(1);
    const again = await post(LIST);
    expect(again.json<IssueOutcome>().issued).toEqual([]);
    expect(await outbox()).toHaveLength(3);
  });

  it('tells again on a new issue after a revocation, and skips a participant with no address', async () => {
    const list = await call(t.app, world.browsers.registrar, 'GET', LIST);
    const certificateOf = (family: string) =>
      list
        .json<{ rows: { familyNameLatin: string; certificate: Certificate | null }[] }>()
        .rows.find((r) => r.familyNameLatin === family)?.certificate?.id ?? '';
    for (const family of ['Al-Ali', 'Al-Sabah']) {
      const revoked = await post(revoke(certificateOf(family)), { reason: 'Issued in error' });
      expect(revoked.statusCode, revoked.body).toBe(200);
    }
    await setRecordEmail(world.nominations.fahad, null);
    const fahad = await post(issueOne(world.nominations.fahad));
    expect(fahad.statusCode, fahad.body).toBe(201);
    expect(await outbox()).toHaveLength(3);
    const salem = await post(issueOne(world.nominations.salem));
    expect(salem.statusCode, salem.body).toBe(201);
    const rows = await outbox();
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ toAddress: salemEmail, locale: 'ar' });
    expect(rows[3]?.body).toContain(salem.json<Certificate>().verifyUrl);
    expect(await certificateNotes()).toHaveLength(2);
  });
});
