import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  type TestApp,
} from '../../../../test/support/app.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Document, DocumentAudience, DocumentList } from '../../../contract/documents.js';
import { auditLog, documents, sessionQuotas } from '../../db/schema/index.js';
import { SESSION, seedCertificateWorld } from '../certificates/test-data.js';
import { announcedSession } from '../logistics/test-data.js';
import { makeActivity } from '../sessions/test-data.js';
import { TEST_FILES } from './test-files.js';

const sessionDocs = (code: string) => `/api/v1/sessions/${code}/documents`;
const activityDocs = (code: string) => `/api/v1/activities/${code}/documents`;
const LIMIT = 64 * 1024;
/** A session of the same course where only Kuwait holds a quota, and nobody is nominated. */
const OTHER_SESSION = 'DOCS-KWT-27';

const upload = (
  fileName: string,
  bytes: Buffer,
  audience: DocumentAudience = 'staff',
  kind = 'course-material',
) => ({
  title: { en: `Title of ${fileName}`, ar: 'عنوان' },
  kind,
  audience,
  fileName,
  content: bytes.toString('base64'),
});

describe('documents', () => {
  let t: TestApp;
  let b: Awaited<ReturnType<typeof seedCertificateWorld>>['browsers'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-documents-test-'));
  const byAudience: Partial<Record<DocumentAudience, Document>> = {};

  beforeAll(async () => {
    t = await createTestApp({ documentsDir: dir, documentMaxBytes: LIMIT });
    ({ browsers: b } = await seedCertificateWorld(t));
    await announcedSession(t.db.db, OTHER_SESSION, 'CTM-CT-2839', {
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (who: Browser | null, url: string) => call(t.app, who, 'GET', url);
  const post = (who: Browser | null, url: string, body: unknown) =>
    call(t.app, who, 'POST', url, body);
  const storedFiles = () =>
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

  it('keeps each allowed type, recognised by its content', async () => {
    const cases: [string, Buffer, string][] = [
      ['agenda.pdf', TEST_FILES.pdf, 'application/pdf'],
      [
        'handbook.docx',
        TEST_FILES.docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'roster.xlsx',
        TEST_FILES.xlsx,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        'slides.pptx',
        TEST_FILES.pptx,
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
      ['map.png', TEST_FILES.png, 'image/png'],
      ['venue.JPG', TEST_FILES.jpeg, 'image/jpeg'],
      ['قائمة.txt', TEST_FILES.txt, 'text/plain'],
    ];
    for (const [name, bytes, type] of cases) {
      const response = await post(b.registrar, sessionDocs(SESSION), upload(name, bytes));
      expect(response.statusCode, response.body).toBe(201);
      const doc = response.json<Document>();
      expect(doc.mediaType).toBe(type);
      expect(doc.size).toBe(bytes.length);
      const file = await get(b.registrar, doc.downloadUrl);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(bytes)).toBe(true);
      expect(file.headers['content-disposition']).toContain(encodeURIComponent(name));
    }
    expect(storedFiles()).toHaveLength(cases.length);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'document.uploaded'));
    expect(audit).toHaveLength(cases.length);
  });

  it('refuses a forbidden type, a mismatched name, an empty and an oversized file, writing nothing', async () => {
    const before = storedFiles().length;
    const rows = (await t.db.db.select().from(documents)).length;
    expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('setup.exe', TEST_FILES.exe)),
      422,
      'document_type_refused',
    );
    expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('archive.zip', TEST_FILES.zip)),
      422,
      'document_type_refused',
    );
    expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('report.docx', TEST_FILES.zip)),
      422,
      'document_type_refused',
    );
    const mismatch = expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('agenda.pdf', TEST_FILES.png)),
      422,
      'document_type_mismatch',
    );
    expect((mismatch as Record<string, unknown>).detected).toBe('image/png');
    expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('notes.txt', TEST_FILES.xlsx)),
      422,
      'document_type_mismatch',
    );
    expectProblem(
      await post(b.registrar, sessionDocs(SESSION), upload('empty.txt', Buffer.alloc(0))),
      422,
      'document_empty',
    );
    const over = expectProblem(
      await post(
        b.registrar,
        sessionDocs(SESSION),
        upload('big.txt', Buffer.alloc(LIMIT + 1, 'a')),
      ),
      413,
      'document_too_large',
    );
    expect((over as Record<string, unknown>).limit).toBe(LIMIT);
    // Far over: refused by the body limit before it is read.
    expectProblem(
      await post(
        b.registrar,
        sessionDocs(SESSION),
        upload('huge.txt', Buffer.alloc(LIMIT * 8, 'a')),
      ),
      413,
      'body_too_large',
    );
    expect(storedFiles()).toHaveLength(before);
    expect(await t.db.db.select().from(documents)).toHaveLength(rows);
  });

  it('removes the file again when its row cannot be written', async () => {
    const before = storedFiles().length;
    // A constraint only this test adds makes the insert fail after the file was written.
    const owner = new pg.Client({ connectionString: t.db.adminUrl });
    await owner.connect();
    await owner.query(
      "ALTER TABLE documents ADD CONSTRAINT documents_test_refuse CHECK (file_name <> 'refused.pdf')",
    );
    try {
      const response = await post(
        b.registrar,
        sessionDocs(SESSION),
        upload('refused.pdf', TEST_FILES.pdf),
      );
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
    } finally {
      await owner.query('ALTER TABLE documents DROP CONSTRAINT documents_test_refuse');
      await owner.end();
    }
    expect(storedFiles()).toHaveLength(before);
  });

  it('lets a course director upload on their own session only, and an NPOC nowhere', async () => {
    const own = await post(
      b.director,
      sessionDocs(SESSION),
      upload('plan.pdf', TEST_FILES.pdf, 'staff', 'agenda'),
    );
    expect(own.statusCode, own.body).toBe(201);
    expectProblem(
      await post(b.director, sessionDocs(OTHER_SESSION), upload('plan.pdf', TEST_FILES.pdf)),
      403,
      'forbidden',
    );
    expectProblem(
      await post(b.director, activityDocs('CTM-CT-2839'), upload('plan.pdf', TEST_FILES.pdf)),
      403,
      'forbidden',
    );
    expectProblem(
      await post(b.npocKwt, sessionDocs(SESSION), upload('plan.pdf', TEST_FILES.pdf)),
      403,
      'forbidden',
    );
    expect(
      (await post(null, sessionDocs(SESSION), upload('plan.pdf', TEST_FILES.pdf))).statusCode,
    ).toBe(401);
  });

  it('shows each reader only the documents they may read', async () => {
    for (const audience of ['staff', 'participants', 'nations', 'public'] as const) {
      const response = await post(
        b.registrar,
        sessionDocs(OTHER_SESSION),
        upload(`${audience}.pdf`, TEST_FILES.pdf, audience, 'agenda'),
      );
      expect(response.statusCode, response.body).toBe(201);
      byAudience[audience] = response.json<Document>();
    }
    const titles = async (who: Browser) => {
      const response = await get(who, sessionDocs(OTHER_SESSION));
      expect(response.statusCode, response.body).toBe(200);
      return response
        .json<DocumentList>()
        .items.map((d) => d.fileName)
        .sort();
    };
    expect(await titles(b.registrar)).toEqual([
      'nations.pdf',
      'participants.pdf',
      'public.pdf',
      'staff.pdf',
    ]);
    // Kuwait holds a quota on the other session; Qatar does not.
    expect(await titles(b.npocKwt)).toEqual(['nations.pdf', 'public.pdf']);
    expect(await titles(b.npocQat)).toEqual(['public.pdf']);
    // Salem is selected on the first session, not on this one.
    expect(await titles(b.salem)).toEqual(['public.pdf']);
    const onHisSession = (await get(b.salem, sessionDocs(SESSION))).json<DocumentList>();
    expect(onHisSession.canManage).toBe(false);
    expect(onHisSession.items).toHaveLength(0);
    // The director of the first session is staff there, not here.
    expect(await titles(b.director)).toEqual(['public.pdf']);
  });

  it('checks every download: another nation, a participant not selected, a stranger get 404', async () => {
    const nations = byAudience.nations as Document;
    const participantsDoc = byAudience.participants as Document;
    expect((await get(b.npocKwt, nations.downloadUrl)).statusCode).toBe(200);
    expectProblem(await get(b.npocQat, nations.downloadUrl), 404, 'not_found');
    expectProblem(await get(b.salem, participantsDoc.downloadUrl), 404, 'not_found');
    expectProblem(await get(b.observer, nations.downloadUrl), 404, 'not_found');
    expect((await get(null, nations.downloadUrl)).statusCode).toBe(401);
    // The public route hands out public documents only.
    expectProblem(await get(null, `/api/v1/public/documents/${nations.id}`), 404, 'not_found');
    // A quota makes Qatar a participating nation.
    const [other] = await t.db.pool
      .query<{ id: string }>('select id from training_sessions where code = $1', [OTHER_SESSION])
      .then((r) => r.rows);
    await t.db.db
      .insert(sessionQuotas)
      .values({ sessionId: other?.id as string, nationCode: 'QAT', seats: 2 });
    expect((await get(b.npocQat, nations.downloadUrl)).statusCode).toBe(200);
    await t.db.db.delete(sessionQuotas).where(eq(sessionQuotas.nationCode, 'QAT'));
    expectProblem(await get(b.npocQat, nations.downloadUrl), 404, 'not_found');
  });

  it('lets a selected participant read what is for participants', async () => {
    const response = await post(
      b.registrar,
      sessionDocs(SESSION),
      upload('joining.pdf', TEST_FILES.pdf, 'participants', 'joining-instructions'),
    );
    const doc = response.json<Document>();
    expect((await get(b.salem, doc.downloadUrl)).statusCode).toBe(200);
    expectProblem(await get(b.npocKwt, doc.downloadUrl), 404, 'not_found');
  });

  it('serves a public document without signing in, and audits only restricted downloads', async () => {
    const pub = byAudience.public as Document;
    expect(pub.downloadUrl).toBe(`/api/v1/public/documents/${pub.id}`);
    const response = await get(null, pub.downloadUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment');
    const downloads = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'document.downloaded'));
    expect(downloads.some((r) => r.entityId === byAudience.nations?.id)).toBe(true);
    expect(downloads.some((r) => r.entityId === pub.id)).toBe(false);
  });

  it('hides a session, its documents and its list from a nation it is not released to', async () => {
    await makeActivity(t.db.db, 'KWT-ONLY', { releasability: { nations: ['KWT'] } });
    await announcedSession(t.db.db, 'KWT-ONLY-1', 'KWT-ONLY', {
      quotas: [{ nationCode: 'KWT', seats: 2 }],
    });
    // Even a nomination there (a nation once released to) does not open what is hidden now.
    await t.db.db.insert(sessionQuotas).values({
      sessionId: (
        await t.db.pool.query<{ id: string }>(
          "select id from training_sessions where code = 'KWT-ONLY-1'",
        )
      ).rows[0]?.id as string,
      nationCode: 'QAT',
      seats: 1,
    });
    const doc = (
      await post(
        b.registrar,
        sessionDocs('KWT-ONLY-1'),
        upload('open.pdf', TEST_FILES.pdf, 'nations'),
      )
    ).json<Document>();
    expect(
      (
        await post(
          b.registrar,
          activityDocs('KWT-ONLY'),
          upload('about.pdf', TEST_FILES.pdf, 'public'),
        )
      ).statusCode,
    ).toBe(201);
    expectProblem(await get(b.npocQat, sessionDocs('KWT-ONLY-1')), 404, 'not_found');
    expectProblem(await get(b.npocQat, activityDocs('KWT-ONLY')), 404, 'not_found');
    expectProblem(await get(b.npocQat, doc.downloadUrl), 404, 'not_found');
    const kwt = (await get(b.npocKwt, activityDocs('KWT-ONLY'))).json<DocumentList>();
    expect(kwt.items.map((d) => d.fileName)).toEqual(['about.pdf']);
  });

  it('deletes a document and its file, audited; an NPOC cannot', async () => {
    const doc = byAudience.staff as Document;
    const url = `/api/v1/documents/${doc.id}`;
    expectProblem(await call(t.app, b.npocKwt, 'DELETE', url), 403, 'forbidden');
    const files = storedFiles().length;
    expect((await call(t.app, b.registrar, 'DELETE', url)).statusCode).toBe(204);
    expect(storedFiles()).toHaveLength(files - 1);
    expectProblem(await get(b.registrar, doc.downloadUrl), 404, 'not_found');
    expectProblem(await call(t.app, b.registrar, 'DELETE', url), 404, 'not_found');
    const deleted = await t.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'document.deleted'));
    expect(deleted.map((r) => r.entityId)).toEqual([doc.id]);
  });
});
