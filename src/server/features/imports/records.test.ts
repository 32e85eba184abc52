import iconv from 'iconv-lite';
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
import type { Import } from '../../../contract/imports.js';
import { runDueJobs } from '../../jobs/run-due.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';

const csv = (rows: string[][], separator = ',') =>
  rows
    .map((r) => r.map((c) => (c.includes(separator) ? `"${c}"` : c)).join(separator))
    .join('\r\n');

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('import');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('imports of activities, sessions and contacts', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;

  const runJobs = () =>
    runDueJobs({ db: t.db.db, url: t.db.url, only: ['imports.check', 'imports.commit'] });

  const upload = (
    who: Browser,
    kind: string,
    content: Buffer,
    fileName: string,
    nationCode: string | null = null,
  ) =>
    call(t.app, who, 'POST', '/api/v1/imports', {
      kind,
      nationCode,
      fileName,
      content: content.toString('base64'),
    });

  async function dryRun(
    who: Browser,
    kind: string,
    content: Buffer,
    fileName: string,
    nation: string | null = null,
  ) {
    const up = await upload(who, kind, content, fileName, nation);
    expect(up.statusCode, up.body).toBe(201);
    const uploaded = up.json() as Import;
    expect(uploaded.missingColumns).toEqual([]);
    const check = await call(t.app, who, 'POST', `/api/v1/imports/${uploaded.id}/check`, {
      mapping: uploaded.mapping,
    });
    expect(check.statusCode, check.body).toBe(202);
    await runJobs();
    const checked = (await call(t.app, who, 'GET', `/api/v1/imports/${uploaded.id}`)).json();
    expect(checked.status).toBe('checked');
    return checked as Import;
  }

  async function commit(who: Browser, id: string, choices: { row: number; choice: string }[] = []) {
    const res = await call(t.app, who, 'POST', `/api/v1/imports/${id}/commit`, { choices });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    return (await call(t.app, who, 'GET', `/api/v1/imports/${id}`)).json() as Import;
  }

  const one = async (query: string, values: unknown[] = []) =>
    (await t.db.pool.query(query, values)).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-BASE');
    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
  });
  afterAll(() => t?.close());

  describe('activities', () => {
    const FR = [
      "Code de l'activité",
      'Type',
      'Titre (anglais)',
      'Titre (français)',
      'Code de la discipline',
      'Code du prestataire',
      'Mode de formation',
      'Durée (jours)',
    ];

    it('reads a Windows-1252 CSV with semicolons, names bad rows by column, writes nothing', async () => {
      const rows = [
        FR,
        [
          'IMP-A1',
          'course',
          'Crisis response',
          'Réponse aux crises',
          'CT',
          'NIRC',
          'residential',
          '5',
        ],
        ['IMP-A2', 'course', 'Cyber', 'Cyber', 'NOPE', 'NIRC', 'online', 'cinq'],
        ['IMP-A1', 'course', 'Again', 'Encore', 'CT', 'NIRC', 'residential', '3'],
      ];
      const bytes = iconv.encode(csv(rows, ';'), 'windows-1252');
      const checked = await dryRun(registrar, 'activities', bytes, 'activités.csv');
      expect(checked).toMatchObject({ encoding: 'windows-1252', separator: ';' });
      expect(checked.counts).toMatchObject({ rows: 3, valid: 1, errors: 2 });
      expect(checked.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: 'durationDays', code: 'invalid_type' }),
          expect.objectContaining({ row: 4, column: 'code', code: 'duplicate_in_file' }),
        ]),
      );
      const commitRes = await call(
        t.app,
        registrar,
        'POST',
        `/api/v1/imports/${checked.id}/commit`,
        {
          choices: [],
        },
      );
      expectProblem(commitRes, 422, 'import_has_errors');
      expect(
        await one(`select count(*)::int as n from activities where code like 'IMP-%'`),
      ).toEqual({
        n: 0,
      });
    });

    it('checks reference codes, imports all in one commit with its audit record, then undoes it', async () => {
      const bad = await dryRun(
        registrar,
        'activities',
        Buffer.from(csv([FR, ['IMP-B0', 'course', 'X', 'X', 'NOPE', 'NIRC', 'online', '2']])),
        'a.csv',
      );
      expect(bad.errors).toEqual([
        expect.objectContaining({ row: 2, column: 'disciplineCode', code: 'unknown_discipline' }),
      ]);
      const rows = [
        FR,
        ['IMP-B1', 'course', 'Crisis response', 'Réponse', 'CT', 'NIRC', 'Residential', '5'],
        ['imp-b2', 'Dialogue event', 'Dialogue', '', 'CT', 'NIRC', 'online', '٢'],
      ];
      const checked = await dryRun(registrar, 'activities', Buffer.from(csv(rows)), 'a.csv');
      expect(checked.counts).toMatchObject({ valid: 2, errors: 0, duplicates: 0 });
      // The dry run wrote nothing.
      expect(
        await one(`select count(*)::int as n from activities where code like 'IMP-B%'`),
      ).toEqual({ n: 0 });
      const done = await commit(registrar, checked.id);
      expect(done.status).toBe('committed');
      expect(done.counts).toMatchObject({ created: 2 });
      expect(await one(`select type, duration_days from activities where code = 'IMP-B2'`)).toEqual(
        {
          type: 'dialogue-event',
          duration_days: 2,
        },
      );
      const audit = await one(
        `select count(*)::int as n from audit_log where action = 'import.committed' and entity_id = $1`,
        [checked.id],
      );
      expect(audit.n).toBe(1);
      const undo = await call(t.app, registrar, 'POST', `/api/v1/imports/${checked.id}/undo`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(
        await one(`select count(*)::int as n from activities where code like 'IMP-B%'`),
      ).toEqual({ n: 0 });
    });

    it('offers skip or update for an existing code, never create anyway, and undoes an update', async () => {
      const rows = [FR, ['CT-BASE', 'course', 'Renamed course', '', 'CT', 'NIRC', 'online', '4']];
      const checked = await dryRun(registrar, 'activities', Buffer.from(csv(rows)), 'a.csv');
      expect(checked.duplicates).toEqual([
        expect.objectContaining({ row: 2, reasons: ['code'], allowed: ['skip', 'update'] }),
      ]);
      const create = await call(t.app, registrar, 'POST', `/api/v1/imports/${checked.id}/commit`, {
        choices: [{ row: 2, choice: 'create' }],
      });
      expectProblem(create, 400, 'validation_failed');
      const done = await commit(registrar, checked.id, [{ row: 2, choice: 'update' }]);
      expect(done.counts).toMatchObject({ updated: 1, created: 0 });
      const after = await one(
        `select title, delivery, status from activities where code = 'CT-BASE'`,
      );
      expect(after.title.en).toBe('Renamed course');
      // Columns the file left empty keep their value (status was active).
      expect(after.status).toBe('active');
      const undo = await call(t.app, registrar, 'POST', `/api/v1/imports/${checked.id}/undo`);
      expect(undo.statusCode, undo.body).toBe(200);
      const back = await one(`select title, delivery from activities where code = 'CT-BASE'`);
      expect(back).toEqual({ title: { en: 'Course CT-BASE' }, delivery: 'residential' });
    });

    it('is for catalogue staff only: an NPOC is refused', async () => {
      const res = await upload(npocKwt, 'activities', Buffer.from(csv([FR, FR])), 'a.csv');
      expectProblem(res, 403, 'forbidden');
    });
  });

  describe('sessions', () => {
    const AR = [
      'رمز الدورة',
      'رمز النشاط',
      'رمز المكان',
      'تاريخ البدء',
      'تاريخ الانتهاء',
      'السعة',
      'بدء الترشيحات',
      'انتهاء الترشيحات',
      'الحصص',
    ];
    // 2027-05-02 is a Sunday: Kuwait's centre works Sunday to Thursday.
    const good = (
      code: string,
      start = '2027-05-02',
      end = '2027-05-06',
      quotas = 'KWT:4; QAT:2',
    ) => [code, 'CT-BASE', 'KWI-NIRC', start, end, 20, '2027-02-01', '2027-04-01', quotas];

    it('reads XLSX with Arabic headers: dates on the venue working week, quotas checked', async () => {
      const bytes = await xlsx([
        AR,
        good('S-IMP-1'),
        good('S-IMP-2', '2027-05-07', '2027-05-13'),
        good('S-IMP-3', '2027-05-02', '2027-05-06', 'KWT:4; XXX:2'),
        good('S-IMP-4', '2027-05-02', '2027-05-06', 'KWT four'),
        good('S-IMP-5', '2027-05-02', '2027-05-06', 'KWT:15; QAT:10'),
        [
          'S-IMP-6',
          'NO-SUCH',
          'NOWHERE',
          '2027-05-02',
          '2027-04-06',
          20,
          '2027-02-01',
          '2027-04-01',
          '',
        ],
      ]);
      const checked = await dryRun(registrar, 'sessions', bytes, 'sessions.xlsx');
      expect(checked.format).toBe('xlsx');
      expect(checked.counts).toMatchObject({ valid: 1, errors: 5 });
      expect(checked.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: 'startDate', code: 'not_working_day' }),
          expect.objectContaining({ row: 4, column: 'quotas', code: 'unknown_nation' }),
          expect.objectContaining({ row: 5, column: 'quotas', code: 'invalid_quotas' }),
          expect.objectContaining({ row: 6, column: 'quotas', code: 'quotas_over_capacity' }),
          expect.objectContaining({ row: 7, column: 'activityCode', code: 'unknown_activity' }),
          expect.objectContaining({ row: 7, column: 'venueCode', code: 'unknown_venue' }),
          expect.objectContaining({ row: 7, column: 'endDate', code: 'end_before_start' }),
        ]),
      );
    });

    it('imports sessions with quotas, finds duplicates by code or activity and start, undoes', async () => {
      const first = await dryRun(
        registrar,
        'sessions',
        await xlsx([AR, good('S-IMP-10')]),
        'a.xlsx',
      );
      const done = await commit(registrar, first.id);
      expect(done.counts).toMatchObject({ created: 1 });
      const quotas = await t.db.pool.query(
        `select q.nation_code, q.seats from session_quotas q join training_sessions s on s.id = q.session_id
         where s.code = 'S-IMP-10' order by q.nation_code`,
      );
      expect(quotas.rows).toEqual([
        { nation_code: 'KWT', seats: 4 },
        { nation_code: 'QAT', seats: 2 },
      ]);
      const second = await dryRun(
        registrar,
        'sessions',
        await xlsx([AR, good('S-IMP-10', '2027-05-02', '2027-05-05'), good('S-IMP-11')]),
        'b.xlsx',
      );
      expect(second.duplicates).toEqual([
        expect.objectContaining({
          row: 2,
          reasons: ['code', 'activity_start'],
          allowed: ['skip', 'update'],
        }),
        expect.objectContaining({
          row: 3,
          reasons: ['activity_start'],
          allowed: ['skip', 'update', 'create'],
        }),
      ]);
      const both = await commit(registrar, second.id, [
        { row: 2, choice: 'update' },
        { row: 3, choice: 'create' },
      ]);
      expect(both.counts).toMatchObject({ created: 1, updated: 1 });
      expect(
        await one(`select end_date::text from training_sessions where code = 'S-IMP-10'`),
      ).toEqual({ end_date: '2027-05-05' });
      // Someone edits the created session: the import can no longer be undone.
      const patch = await call(t.app, registrar, 'PATCH', '/api/v1/sessions/S-IMP-11', {
        capacity: 22,
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const refused = await call(t.app, registrar, 'POST', `/api/v1/imports/${second.id}/undo`);
      expectProblem(refused, 409, 'import_rows_changed');
      // The first import's session was updated by the second: it too is touched.
      const firstUndo = await call(t.app, registrar, 'POST', `/api/v1/imports/${first.id}/undo`);
      expectProblem(firstUndo, 409, 'import_rows_changed');
    });

    it('is for session staff only', async () => {
      const res = await upload(npocKwt, 'sessions', await xlsx([AR, good('S-X')]), 'a.xlsx');
      expectProblem(res, 403, 'forbidden');
      const withNation = await upload(
        registrar,
        'sessions',
        await xlsx([AR, good('S-X')]),
        'a.xlsx',
        'KWT',
      );
      expectProblem(withNation, 400, 'validation_failed');
    });
  });

  describe('contacts', () => {
    const EN = ['Nation', 'Name', 'Position', 'E-mail', 'Phone', 'Primary contact'];

    it('lets an NPOC import their own nation only, finds duplicates by e-mail, undoes', async () => {
      const rows = [
        ['Name', 'E-mail', 'Phone'],
        ['Col. Fahad Al-Sabah', 'fahad@kwt.example', '+965 2222 3333'],
        ['Maj. Ali', 'ali@kwt.example', ''],
      ];
      const checked = await dryRun(npocKwt, 'contacts', Buffer.from(csv(rows)), 'c.csv');
      expect(checked.nationCode).toBe('KWT');
      const done = await commit(npocKwt, checked.id);
      expect(done.counts).toMatchObject({ created: 2 });
      const again = await dryRun(
        npocKwt,
        'contacts',
        Buffer.from(
          csv([
            EN,
            ['KWT', 'Colonel Fahad Al-Sabah', 'Director', 'FAHAD@kwt.example', '', 'yes'],
            ['QAT', 'Someone', '', 'x@qat.example', '', ''],
            ['KWT', 'Bad', '', 'not-an-email', '', 'perhaps'],
          ]),
        ),
        'd.csv',
      );
      expect(again.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: 'nationCode', code: 'other_nation' }),
          expect.objectContaining({ row: 4, column: 'email' }),
          expect.objectContaining({ row: 4, column: 'primary', code: 'invalid_yes_no' }),
        ]),
      );
      const dup = await dryRun(
        npocKwt,
        'contacts',
        Buffer.from(
          csv([EN, ['KWT', 'Colonel Fahad Al-Sabah', 'Director', 'FAHAD@kwt.example', '', 'oui']]),
        ),
        'e.csv',
      );
      expect(dup.duplicates).toEqual([
        expect.objectContaining({
          row: 2,
          reasons: ['email'],
          allowed: ['skip', 'update', 'create'],
        }),
      ]);
      const updated = await commit(npocKwt, dup.id, [{ row: 2, choice: 'update' }]);
      expect(updated.counts).toMatchObject({ updated: 1 });
      expect(
        await one(
          `select name, position, phone, is_primary from nation_contacts where email = 'fahad@kwt.example'`,
        ),
      ).toEqual({
        name: 'Colonel Fahad Al-Sabah',
        position: 'Director',
        phone: '+965 2222 3333',
        is_primary: true,
      });
      // Another nation's officer does not see the import.
      expectProblem(
        await call(t.app, npocQat, 'GET', `/api/v1/imports/${dup.id}`),
        404,
        'not_found',
      );
      expectProblem(
        await upload(npocKwt, 'contacts', Buffer.from(csv(rows)), 'c.csv', 'QAT'),
        404,
        'not_found',
      );
      const undo = await call(t.app, npocKwt, 'POST', `/api/v1/imports/${dup.id}/undo`);
      expect(undo.statusCode, undo.body).toBe(200);
      expect(
        await one(`select name, position from nation_contacts where email = 'fahad@kwt.example'`),
      ).toEqual({ name: 'Col. Fahad Al-Sabah', position: null });
    });

    it('lets the registrar import several nations from a UTF-16 file', async () => {
      const text = csv(
        [
          EN,
          ['QAT', 'Lt. Col. Hamad', 'Liaison', 'hamad@qat.example', '', 'no'],
          ['KWT', 'Capt. Nasser', '', 'nasser@kwt.example', '', ''],
          ['XXX', 'Nobody', '', '', '', ''],
        ],
        '\t',
      );
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
      const checked = await dryRun(registrar, 'contacts', bytes, 'contacts.txt');
      expect(checked.nationCode).toBeNull();
      expect(checked.errors).toEqual([
        expect.objectContaining({ row: 4, column: 'nationCode', code: 'unknown_nation' }),
      ]);
    });
  });

  it('gives each kind a template in the reader language whose headers it matches', async () => {
    for (const kind of ['activities', 'sessions', 'contacts']) {
      const ar = await call(
        t.app,
        registrar,
        'GET',
        `/api/v1/imports/templates/${kind}?format=csv&lang=ar`,
      );
      expect(ar.statusCode).toBe(200);
      const fr = await call(
        t.app,
        registrar,
        'GET',
        `/api/v1/imports/templates/${kind}?format=xlsx&lang=fr`,
      );
      const up = await upload(registrar, kind, fr.rawPayload, 'template.xlsx');
      expect(up.statusCode, up.body).toBe(201);
      expect((up.json() as Import).missingColumns).toEqual([]);
    }
    const ar = await call(
      t.app,
      registrar,
      'GET',
      '/api/v1/imports/templates/sessions?format=csv&lang=ar',
    );
    expect(ar.body).toContain('رمز الدورة');
  });
});
