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
import { systemContext } from '../context.js';
import { createSession } from '../sessions/service.js';
import { makeActivity, seedSessionBasics, sessionInput } from '../sessions/test-data.js';

const HEADER_AR = [
  'اسم العائلة (بالأحرف اللاتينية)',
  'الاسم الأول (بالأحرف اللاتينية)',
  'اسم العائلة (بالعربية)',
  'الاسم الأول (بالعربية)',
  'الرتبة',
  'البريد الإلكتروني',
  'تاريخ الميلاد',
];

function person(i: number): string[] {
  return [
    `Al-Ahmad`,
    `Person ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
    'الأحمد',
    `شخص ${i}`,
    i % 2 === 0 ? 'رائد' : 'OR-7',
    `person${i}@kwt.example`,
    `${(i % 16) + 13}/04/1985`,
  ].map((v, col) => (col === 1 ? v.replace(/\d/g, '') : v));
}

const csv = (rows: string[][], separator = ',') =>
  rows
    .map((r) => r.map((c) => (c.includes(separator) ? `"${c}"` : c)).join(separator))
    .join('\r\n');

describe('imports of people', () => {
  let t: TestApp;
  let npocKwt: Browser;
  let npocQat: Browser;
  let registrar: Browser;
  let observer: Browser;

  const runJobs = () =>
    runDueJobs({ db: t.db.db, url: t.db.url, only: ['imports.check', 'imports.commit'] });

  async function upload(
    who: Browser,
    content: Buffer,
    fileName: string,
    nationCode: string | null = null,
  ) {
    return call(t.app, who, 'POST', '/api/v1/imports', {
      kind: 'people',
      nationCode,
      fileName,
      content: content.toString('base64'),
    });
  }

  /** Upload, dry run with the suggested mapping, and the checked import. */
  async function dryRun(who: Browser, content: Buffer, fileName: string, nation?: string) {
    const up = await upload(who, content, fileName, nation ?? null);
    expect(up.statusCode, up.body).toBe(201);
    const uploaded = up.json() as Import;
    const check = await call(t.app, who, 'POST', `/api/v1/imports/${uploaded.id}/check`, {
      mapping: uploaded.mapping,
    });
    expect(check.statusCode, check.body).toBe(202);
    await runJobs();
    const got = await call(t.app, who, 'GET', `/api/v1/imports/${uploaded.id}`);
    const checked = got.json() as Import;
    expect(checked.status).toBe('checked');
    return checked;
  }

  async function commit(who: Browser, id: string, choices: { row: number; choice: string }[] = []) {
    const res = await call(t.app, who, 'POST', `/api/v1/imports/${id}/commit`, { choices });
    expect(res.statusCode, res.body).toBe(202);
    await runJobs();
    return (await call(t.app, who, 'GET', `/api/v1/imports/${id}`)).json() as Import;
  }

  const countPeople = async (nation: string) =>
    Number(
      (await t.db.pool.query('select count(*) from participants where nation_code = $1', [nation]))
        .rows[0].count,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedPartners(t.db.db);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    registrar = await signInAs(t, ['registrar']);
    observer = await signInAs(t, ['observer']);
  });
  afterAll(() => t?.close());

  it('gives a template per language, CSV and XLSX, whose headers the import matches', async () => {
    const ar = await call(
      t.app,
      npocKwt,
      'GET',
      '/api/v1/imports/templates/people?format=csv&lang=ar',
    );
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('اسم العائلة (بالأحرف اللاتينية)');
    const xlsx = await call(
      t.app,
      npocKwt,
      'GET',
      '/api/v1/imports/templates/people?format=xlsx&lang=fr',
    );
    expect(xlsx.statusCode).toBe(200);
    const checked = await dryRun(npocKwt, xlsx.rawPayload, 'template.xlsx');
    expect(checked.format).toBe('xlsx');
    expect(checked.missingColumns).toEqual([]);
    expect(checked.counts).toMatchObject({ rows: 1, valid: 1, errors: 0 });
  });

  it('reads XLSX dates as dates and never runs a formula: its text is checked', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('people');
    sheet.addRow(['Family name (Latin)', 'Given names (Latin)', 'Rank', 'Date of birth']);
    sheet.addRow(['Al-Date', 'Cell', 'OF-3', new Date(Date.UTC(1986, 2, 4))]);
    sheet.addRow([{ formula: 'HYPERLINK("http://x.example","Al-Ali")' }, 'Link', 'OF-3', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const checked = await dryRun(npocKwt, bytes, 'dates.xlsx');
    expect(checked.counts).toMatchObject({ valid: 1, errors: 1 });
    expect(checked.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'familyNameLatin', code: 'passport_name' }),
    ]);
    expect(checked.errors[0]?.params.value).toMatch(/^=HYPERLINK/);
  });

  it('imports people from a UTF-8 CSV in Arabic, all in one commit, then undoes it', async () => {
    const before = await countPeople('KWT');
    const rows = Array.from({ length: 30 }, (_, i) => person(i));
    const checked = await dryRun(
      npocKwt,
      Buffer.from(`\uFEFF${csv([HEADER_AR, ...rows])}`),
      'people.csv',
    );
    expect(checked.encoding).toBe('utf-8');
    expect(checked.errors).toEqual([]);
    expect(checked.counts).toMatchObject({ rows: 30, valid: 30, errors: 0, duplicates: 0 });
    expect(checked.progressDone).toBe(30);
    expect(await countPeople('KWT')).toBe(before);

    // A system listening for imports, and one bound to Qatar that must not hear of Kuwait's.
    const admin = await signInAs(t, ['administrator']);
    for (const nationCode of [null, 'QAT']) {
      const endpoint = await call(t.app, admin, 'POST', '/api/v1/webhooks', {
        url: 'http://127.0.0.1:9/imports',
        description: `Imports ${nationCode ?? 'centre'}`,
        events: ['import.committed'],
        nationCode,
      });
      expect(endpoint.statusCode, endpoint.body).toBe(201);
    }

    const done = await commit(npocKwt, checked.id);
    expect(done.status).toBe('committed');
    expect(done.counts.created).toBe(30);
    expect(await countPeople('KWT')).toBe(before + 30);
    const deliveries = await t.db.pool.query(
      `select e.nation_code, d.payload from webhook_deliveries d
         join webhook_endpoints e on e.id = d.endpoint_id where d.event_type = 'import.committed'`,
    );
    expect(deliveries.rows).toHaveLength(1);
    expect(deliveries.rows[0].nation_code).toBeNull();
    expect(deliveries.rows[0].payload.data).toMatchObject({
      importId: checked.id,
      kind: 'people',
      nationCode: 'KWT',
      counts: { created: 30, updated: 0, skipped: 0 },
    });
    const rank = await t.db.pool.query(
      `select rank_code, rank_title from participants where email = 'person0@kwt.example'`,
    );
    expect(rank.rows[0]).toEqual({ rank_code: 'OF-3', rank_title: 'رائد' });
    const audit = await t.db.pool.query(
      `select after from audit_log where action = 'import.committed' and entity_id = $1`,
      [checked.id],
    );
    expect(audit.rows[0].after).toMatchObject({ digest: checked.digest, nationCode: 'KWT' });

    const undo = await call(t.app, npocKwt, 'POST', `/api/v1/imports/${checked.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect((undo.json() as Import).status).toBe('undone');
    expect(await countPeople('KWT')).toBe(before);
  });

  it('reads Windows-1256, UTF-16 and Latin-1 files with any separator', async () => {
    const rows = [HEADER_AR, person(100), person(101)];
    const cp1256 = await dryRun(npocKwt, iconv.encode(csv(rows, ';'), 'windows-1256'), 'a.csv');
    expect([cp1256.encoding, cp1256.separator]).toEqual(['windows-1256', ';']);
    expect(cp1256.counts).toMatchObject({ valid: 2, errors: 0 });

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(csv(rows, '\t'), 'utf-16le'),
    ]);
    const tab = await dryRun(npocKwt, utf16, 'unicode.txt');
    expect([tab.encoding, tab.separator]).toEqual(['utf-16le', '\t']);
    expect(tab.counts).toMatchObject({ valid: 2, errors: 0 });

    const latin = [
      ['Nom de famille (latin)', 'Prénoms (latin)', 'Grade', 'Courriel'],
      ['Lefèvre', 'Hélène', 'OF-2', 'helene@kwt.example'],
    ];
    const latin1 = await dryRun(npocKwt, iconv.encode(csv(latin, '|'), 'windows-1252'), 'fr.csv');
    expect([latin1.encoding, latin1.separator]).toEqual(['windows-1252', '|']);
    expect(latin1.counts).toMatchObject({ valid: 1, errors: 0 });
  });

  it('lists row errors by row and column, and refuses to commit them', async () => {
    const bad = [
      HEADER_AR,
      person(200),
      ['=HYPERLINK("x")', 'Ali', '', '', 'OF-3', 'ali@kwt.example', '1985-01-01'],
      ['Al-Ali', 'Ali', '', '', 'General Nobody', 'ali2@kwt.example', '04/05/1985'],
      ['Al-Ali', 'Sara', '', '', 'OF-3', 'sara@kwt.example', '12/05/1405'],
    ];
    const checked = await dryRun(npocKwt, Buffer.from(csv(bad)), 'bad.csv');
    expect(checked.counts).toMatchObject({ valid: 1, errors: 3 });
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'familyNameLatin', code: 'passport_name' }),
        expect.objectContaining({ row: 4, column: 'rank', code: 'unknown_rank' }),
        expect.objectContaining({ row: 4, column: 'dateOfBirth', code: 'ambiguous_date' }),
        expect.objectContaining({ row: 5, column: 'dateOfBirth', code: 'hijri_date' }),
      ]),
    );
    const res = await call(t.app, npocKwt, 'POST', `/api/v1/imports/${checked.id}/commit`, {});
    expectProblem(res, 422, 'import_has_errors');
  });

  it('refuses empty, too large, mislabelled and headerless files clearly', async () => {
    expectProblem(await upload(npocKwt, Buffer.from(''), 'x.csv'), 422, 'import_empty');
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    expectProblem(await upload(npocKwt, big, 'big.csv'), 413, 'import_file_too_large');
    // Over the request's own limit too: still the import's words, with the file's size.
    const huge = await upload(npocKwt, Buffer.alloc(50 * 1024 * 1024, 'a'), 'huge.csv');
    expectProblem(huge, 413, 'import_file_too_large');
    expect(huge.json().size).toBeGreaterThan(50 * 1024 * 1024);
    expectProblem(await upload(npocKwt, Buffer.from('a,b\r\n'), 'x.csv'), 422, 'import_empty');
    expectProblem(
      await upload(npocKwt, Buffer.from('not a zip'), 'people.xlsx'),
      422,
      'import_unreadable',
    );
    expectProblem(
      await upload(npocKwt, Buffer.from('%PDF-1.4\n\0\0binary'), 'people.csv'),
      422,
      'import_unreadable',
    );
    const up = await upload(npocKwt, Buffer.from('Colour,Size\r\nred,1\r\n'), 'x.csv');
    const uploaded = up.json() as Import;
    expect(uploaded.missingColumns).toEqual(['familyNameLatin', 'givenNamesLatin', 'rank']);
    const check = await call(t.app, npocKwt, 'POST', `/api/v1/imports/${uploaded.id}/check`, {
      mapping: uploaded.mapping,
    });
    expectProblem(check, 422, 'import_missing_columns');
    const many = `${HEADER_AR.join(',')}\r\n${'a,b,,,OF-3,,\r\n'.repeat(50_001)}`;
    expectProblem(
      await upload(npocKwt, Buffer.from(many), 'many.csv'),
      422,
      'import_too_many_rows',
    );
  });

  it('finds duplicates and applies the choice per row: skip, update, create anyway', async () => {
    const first = await dryRun(
      npocKwt,
      Buffer.from(csv([HEADER_AR, person(300), person(301), person(302)])),
      'a.csv',
    );
    await commit(npocKwt, first.id);
    const again = [HEADER_AR, person(300), person(301), person(302)];
    const row2 = again[1];
    if (row2) row2[5] = 'other300@kwt.example'; // same names and birth date, new e-mail
    const second = await dryRun(npocKwt, Buffer.from(csv(again)), 'b.csv');
    expect(second.counts.duplicates).toBe(3);
    expect(second.duplicates[0]).toMatchObject({ row: 2, reasons: ['latin_name', 'arabic_name'] });
    expect(second.duplicates[1]?.reasons).toContain('email');
    const before = await countPeople('KWT');
    const done = await commit(npocKwt, second.id, [
      { row: 2, choice: 'update' },
      { row: 3, choice: 'create' },
    ]);
    expect(done.counts).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    expect(await countPeople('KWT')).toBe(before + 1);
    const updated = await t.db.pool.query(
      `select count(*)::int as n from participants where email = 'other300@kwt.example'`,
    );
    expect(updated.rows[0].n).toBe(1);
  });

  it('finds a person by passport number and issuing nation, and checks the number', async () => {
    // The passport is known from a nomination's logistics, as the logistics form records it.
    await seedSessionBasics(t.db.db);
    await makeActivity(t.db.db, 'CT-PASS');
    const session = await t.db.db.transaction((tx) =>
      createSession(systemContext(tx, 'test'), sessionInput('CT-PASS-27', 'CT-PASS')),
    );
    const known = await t.db.pool.query(
      `insert into participants (nation_code, family_name_latin, given_names_latin, rank_code, language_profiles)
       values ('KWT', 'Al-Jaber', 'Nasser', 'OF-3', '[]') returning id`,
    );
    const personId = known.rows[0].id as string;
    const nomination = await t.db.pool.query(
      `insert into nominations (session_id, participant_id, nation_code, status, eligibility)
       values ($1, $2, 'KWT', 'submitted', '[]') returning id`,
      [session.id, personId],
    );
    await t.db.pool.query(
      `insert into nomination_logistics (nomination_id, passport_number) values ($1, 'k1234567')`,
      [nomination.rows[0].id],
    );
    const header = [
      'Family name (Latin)',
      'Given names (Latin)',
      'Rank',
      'Passport number',
      'Passport issued by',
    ];
    const checked = await dryRun(
      npocKwt,
      Buffer.from(
        csv([
          header,
          ['Al-Jabri', 'Nasir', 'OF-3', 'K 123 4567', ''],
          ['Al-Other', 'Name', 'OF-3', 'K1234567', 'QAT'],
          ['Al-Bad', 'Pass', 'OF-3', 'K-12/34', 'XXX'],
          ['Al-Twice', 'Same', 'OF-2', 'q 777 888', ''],
          ['Al-Again', 'Same', 'OF-2', 'Q777888', 'KWT'],
        ]),
      ),
      'passports.csv',
    );
    expect(checked.counts).toMatchObject({ valid: 3, errors: 2, duplicates: 1 });
    expect(checked.duplicates).toEqual([
      expect.objectContaining({
        row: 2,
        reasons: ['passport'],
        existing: expect.objectContaining({ id: personId, familyNameLatin: 'Al-Jaber' }),
      }),
    ]);
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 4,
          column: 'passportNumber',
          code: 'invalid_passport_number',
        }),
        expect.objectContaining({ row: 4, column: 'passportNation', code: 'unknown_nation' }),
        // The same passport twice in one file, however it is typed: the second row is refused.
        expect.objectContaining({
          row: 6,
          column: 'passportNumber',
          code: 'duplicate_in_file',
          params: { row: 5 },
        }),
      ]),
    );
  });

  it('refuses to undo an import whose people were changed since', async () => {
    const checked = await dryRun(npocKwt, Buffer.from(csv([HEADER_AR, person(400)])), 'a.csv');
    await commit(npocKwt, checked.id);
    await t.db.pool.query(
      `update participants set position = 'Changed', updated_at = now() where email = 'person400@kwt.example'`,
    );
    const undo = await call(t.app, npocKwt, 'POST', `/api/v1/imports/${checked.id}/undo`);
    expectProblem(undo, 409, 'import_rows_changed');
  });

  it('keeps an NPOC to their own nation, and staff choose the nation', async () => {
    const rows = [
      [...HEADER_AR, 'الدولة'],
      [...person(500), 'QAT'],
      [...person(501), 'XXX'],
    ];
    const checked = await dryRun(npocKwt, Buffer.from(csv(rows)), 'a.csv');
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'nationCode', code: 'other_nation' }),
        expect.objectContaining({ row: 3, column: 'nationCode', code: 'unknown_nation' }),
      ]),
    );
    const qat = await upload(npocKwt, Buffer.from(csv([HEADER_AR, person(502)])), 'a.csv', 'QAT');
    expectProblem(qat, 404, 'not_found');
    // Another nation's import is not found.
    const other = await call(t.app, npocQat, 'GET', `/api/v1/imports/${checked.id}`);
    expectProblem(other, 404, 'not_found');
    const noNation = await upload(registrar, Buffer.from(csv([HEADER_AR, person(503)])), 'a.csv');
    expectProblem(noNation, 400, 'validation_failed');
    const staff = await dryRun(
      registrar,
      Buffer.from(csv([HEADER_AR, person(504)])),
      'a.csv',
      'QAT',
    );
    expect(staff.nationCode).toBe('QAT');
    const forbidden = await upload(
      observer,
      Buffer.from(csv([HEADER_AR, person(505)])),
      'a.csv',
      'QAT',
    );
    expectProblem(forbidden, 403, 'forbidden');
  });
});
