import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { exportAuditsOf } from '../../../../test/support/audit.js';
import { seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Locale } from '../../../contract/common.js';
import { makePerson } from '../nominations/test-fixtures.js';
import { DAYS, deliveredSession, markDays, seatedNomination } from '../results/test-fixtures.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { EXPORT_WORDS } from './words.js';

/** The records of a CSV as a real parser reads them, byte order mark included. */
function csvRecords(response: LightMyRequestResponse): string[][] {
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(response.rawPayload, { bom: true, relax_column_count: false });
}

interface Sheet {
  rows: string[][];
  rightToLeft: boolean;
}

/** The first sheet of an XLSX as exceljs reads it back, every cell as text. */
async function xlsxSheet(response: LightMyRequestResponse): Promise<Sheet> {
  expect(response.headers['content-type']).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return { rows, rightToLeft: sheet.views[0]?.rightToLeft ?? false };
}

describe('list exports', () => {
  let t: TestApp;
  let registrar: Browser;
  let admin: Browser;
  let npocKwt: Browser;
  let npocQatFr: Browser;
  let sessionCode: string;
  const BULK = 3000;

  async function setLocale(who: Browser, locale: Locale) {
    await t.db.pool.query('update users set locale = $1 where id = $2', [locale, who.userId]);
  }
  const get = (who: Browser, url: string) => call(t.app, who, 'GET', url);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-EXP', { title: { en: 'Export drill', ar: 'تمرين التصدير' } });
    registrar = await signInAs(t, ['registrar']);
    admin = await signInAs(t, ['administrator']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQatFr = await signInAs(t, ['npoc'], 'QAT');
    await setLocale(npocKwt, 'ar');
    await setLocale(npocQatFr, 'fr');
    // A name a spreadsheet would run as a formula, one person of another nation, and enough
    // people for the export to read many pages.
    const formula = await makePerson(db, 'KWT', {
      familyNameLatin: '=HYPERLINK("http://evil.example","Click")',
      givenNamesLatin: 'Formula',
    });
    const qatari = await makePerson(db, 'QAT', { familyNameLatin: 'Qatarson' });
    await t.db.pool.query(
      `insert into participants (nation_code, family_name_latin, given_names_latin, rank_code,
         email, language_profiles, clearance_level)
       select 'KWT', 'Bulk' || lpad(i::text, 5, '0'), 'Person', 'OF-1',
              'bulk' || i || '@kwt.example', '[]'::jsonb, 'NS'
         from generate_series(1, $1::int) as i`,
      [BULK],
    );
    sessionCode = 'EXP-27';
    const sessionId = await deliveredSession(db, sessionCode, 'CT-EXP');
    const kwtNomination = await seatedNomination(db, sessionId, formula, 'KWT');
    const qatNomination = await seatedNomination(db, sessionId, qatari, 'QAT');
    await markDays(db, kwtNomination, ['present', 'absent']);
    await markDays(db, qatNomination, ['present']);
  }, 120_000);
  afterAll(() => t.close());

  it('exports people as CSV with the list filter, headers in English, formulas neutralised', async () => {
    const response = await get(registrar, '/api/v1/participants/export?format=csv&q=Formula');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="people.csv"');
    const [header, ...rows] = csvRecords(response);
    expect(header?.slice(0, 2)).toEqual(['Family name', 'Given names']);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    const [audit] = await exportAuditsOf(t.db.pool, response);
    expect(audit).toMatchObject({
      actorId: registrar.userId,
      entityType: 'list',
      entityId: 'participants',
      after: { export: 'list.participants', format: 'csv', filters: { q: 'Formula' } },
    });
  });

  it("gives an NPOC their own nation's people only, in Arabic, laid out right to left", async () => {
    const response = await get(npocKwt, '/api/v1/participants/export?format=xlsx');
    expect(response.statusCode, response.body).toBe(200);
    const sheet = await xlsxSheet(response);
    expect(sheet.rightToLeft).toBe(true);
    expect(sheet.rows[0]?.[0]).toBe(EXPORT_WORDS.ar.headers.familyNameLatin);
    const people = sheet.rows.slice(1);
    expect(people).toHaveLength(BULK + 1);
    expect(people.map((r) => r[0])).not.toContain('Qatarson');
    expect(new Set(people.map((r) => r[4]))).toEqual(new Set(['KWT']));
    expect(people.find((r) => r[1] === 'Formula')?.[0]).toBe(
      '\'=HYPERLINK("http://evil.example","Click")',
    );
  });

  it('streams a few thousand rows, every one once, in the list order', async () => {
    const response = await get(registrar, '/api/v1/participants/export?format=csv&nationCode=KWT');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-length']).toBeUndefined();
    const rows = csvRecords(response).slice(1);
    const bulk = rows.filter((r) => r[0]?.startsWith('Bulk')).map((r) => r[0]);
    expect(bulk).toHaveLength(BULK);
    expect(new Set(bulk).size).toBe(BULK);
    expect(bulk).toEqual([...bulk].sort());
    expect(bulk[0]).toBe('Bulk00001');
    expect(bulk.at(-1)).toBe(`Bulk${String(BULK).padStart(5, '0')}`);
  });

  it('applies the list filters to nominations and the nation scope to an NPOC, in French', async () => {
    const all = csvRecords(await get(registrar, '/api/v1/nominations/export?format=csv'));
    expect(all.slice(1).map((r) => r[4])).toEqual(expect.arrayContaining(['KWT', 'QAT']));
    const kwt = csvRecords(
      await get(registrar, '/api/v1/nominations/export?format=csv&nationCode=KWT'),
    );
    expect(kwt.slice(1).map((r) => r[4])).toEqual(['KWT']);
    const sheet = await xlsxSheet(await get(npocQatFr, '/api/v1/nominations/export?format=xlsx'));
    expect(sheet.rows[0]?.[0]).toBe('Session');
    expect(sheet.rows[0]?.[5]).toBe('Nom');
    expect(sheet.rightToLeft).toBe(false);
    expect(sheet.rows.slice(1).map((r) => r[4])).toEqual(['QAT']);
    expect(JSON.stringify(sheet.rows)).not.toContain('HYPERLINK');
  });

  it('exports every other list, in both formats, with its headers', async () => {
    const lists: [Browser, string, string][] = [
      [registrar, '/api/v1/sessions/export', EXPORT_WORDS.en.headers.code],
      [registrar, '/api/v1/activities/export', EXPORT_WORDS.en.headers.code],
      [registrar, '/api/v1/programmes/export', EXPORT_WORDS.en.headers.nation],
      [admin, '/api/v1/users/export', EXPORT_WORDS.en.headers.displayName],
      [admin, '/api/v1/audit/export', EXPORT_WORDS.en.headers.id],
      [admin, '/api/v1/outbox/export', EXPORT_WORDS.en.headers.id],
      [registrar, `/api/v1/sessions/${sessionCode}/attendance/export`, 'Family name'],
      [registrar, `/api/v1/sessions/${sessionCode}/results/export`, 'Name'],
      [registrar, `/api/v1/sessions/${sessionCode}/surveys/1/results/export`, 'Question'],
    ];
    for (const [who, url, first] of lists) {
      const csv = await get(who, `${url}?format=csv`);
      expect(csv.statusCode, `${url} ${csv.body}`).toBe(200);
      expect(csvRecords(csv)[0]?.[0], url).toBe(first);
      const xlsx = await get(who, `${url}?format=xlsx`);
      expect(xlsx.statusCode, `${url} ${xlsx.body}`).toBe(200);
      expect((await xlsxSheet(xlsx)).rows[0]?.[0], url).toBe(first);
    }
  });

  it('filters sessions and the catalogue as their lists do', async () => {
    const sessions = csvRecords(
      await get(registrar, `/api/v1/sessions/export?format=csv&q=${sessionCode}`),
    );
    expect(sessions.slice(1).map((r) => r[0])).toEqual([sessionCode]);
    const activities = csvRecords(
      await get(registrar, '/api/v1/activities/export?format=csv&q=Export%20drill'),
    );
    expect(activities.slice(1).map((r) => r[0])).toEqual(['CT-EXP']);
    const arabic = await xlsxSheet(
      await get(npocKwt, '/api/v1/activities/export?format=xlsx&q=Export%20drill'),
    );
    expect(arabic.rows[1]?.[1]).toBe('تمرين التصدير');
  });

  it("puts one column per working day on the roster, the other nation's row absent for an NPOC", async () => {
    const rows = csvRecords(
      await get(registrar, `/api/v1/sessions/${sessionCode}/attendance/export?format=csv`),
    );
    const header = rows[0] ?? [];
    expect(header.slice(7)).toEqual([...DAYS]);
    const kwt = rows.find((r) => r[4] === 'KWT');
    expect(kwt?.slice(7, 9)).toEqual(['present', 'absent']);
    expect(
      rows
        .slice(1)
        .map((r) => r[4])
        .sort(),
    ).toEqual(['KWT', 'QAT']);
  });

  it('refuses a bad filter before any byte of the file, and a caller without the permission', async () => {
    expectProblem(
      await get(registrar, '/api/v1/participants/export?format=pdf'),
      400,
      'validation_failed',
    );
    expectProblem(
      await get(registrar, '/api/v1/participants/export?format=csv&limit=5'),
      400,
      'validation_failed',
    );
    expectProblem(await get(npocKwt, '/api/v1/users/export?format=csv'), 403, 'forbidden');
    expectProblem(
      await get(registrar, '/api/v1/sessions/NOPE-99/results/export?format=csv'),
      404,
      'not_found',
    );
  });
});
