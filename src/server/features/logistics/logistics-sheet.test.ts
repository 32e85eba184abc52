import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Session as Browser,
  call,
  createTestApp,
  signIn,
  signInAs,
  type TestApp,
} from '../../../../test/support/app.js';
import { exportAuditsOf } from '../../../../test/support/audit.js';
import { makeUser, seedPartners } from '../../../../test/support/factories.js';
import { expectProblem } from '../../../../test/support/problem.js';
import type { Locale } from '../../../contract/common.js';
import type { LogisticsSheet } from '../../../contract/logistics.js';
import { makeActivity, seedSessionBasics } from '../sessions/test-data.js';
import { announcedSession, makeNomination } from './test-data.js';

const SHEET = '/api/v1/sessions/CT-A-27/logistics';

/** The rows of a CSV body (after its byte order mark), split as RFC 4180 says. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: (string | null)[][] = [];
  sheet.eachRow((row) => {
    const cells: (string | null)[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) {
      const value = row.getCell(i).value;
      cells.push(value === null || value === undefined ? null : String(value));
    }
    rows.push(cells);
  });
  return { sheet, rows };
}

describe('a session’s logistics sheet', () => {
  let t: TestApp;
  let registrar: Browser;
  let npocKwt: Browser;
  let npocQat: Browser;
  let director: Browser;
  let instructor: Browser;
  let sabah: string;

  async function speaking(locale: Locale, browser: Browser) {
    const response = await call(t.app, browser, 'PATCH', '/api/v1/auth/me/preferences', {
      locale,
    });
    expect(response.statusCode, response.body).toBe(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    await seedPartners(db);
    await seedSessionBasics(db);
    await makeActivity(db, 'CT-BASIC');
    await makeActivity(db, 'KWT-ONLY', { releasability: { nations: ['KWT'] } });
    const directorUser = await makeUser(db, ['course_director']);
    const instructorUser = await makeUser(db, ['instructor']);
    const sessionId = await announcedSession(db, 'CT-A-27', 'CT-BASIC', {
      directorId: directorUser.id,
      instructorIds: [instructorUser.id],
    });
    director = await signIn(t.app, directorUser.email, directorUser.password);
    instructor = await signIn(t.app, instructorUser.email, instructorUser.password);
    await announcedSession(db, 'CT-EMPTY-27', 'CT-BASIC');
    const hidden = await announcedSession(db, 'KWT-A-27', 'KWT-ONLY');
    await makeNomination(db, hidden, 'KWT', { familyNameLatin: 'Elsewhere' });

    sabah = await makeNomination(db, sessionId, 'KWT', {
      familyNameLatin: 'Al-Sabah',
      givenNamesLatin: 'Fahad',
      familyNameArabic: 'الصباح',
      givenNamesArabic: 'فهد',
      rankCode: 'OF-3',
      rankTitle: 'Major',
    });
    await makeNomination(db, sessionId, 'KWT', {
      familyNameLatin: 'Zayed',
      givenNamesLatin: '=HYPERLINK("http://evil.example","x")',
      rankCode: 'OF-2',
      rankTitle: '@Captain',
    });
    await makeNomination(db, sessionId, 'QAT', {
      familyNameLatin: 'Al-Thani',
      givenNamesArabic: 'حمد',
      rankCode: 'OF-4',
    });
    await makeNomination(db, sessionId, 'KWT', { familyNameLatin: 'Waiting' }, 'waitlisted');

    registrar = await signInAs(t, ['registrar']);
    npocKwt = await signInAs(t, ['npoc'], 'KWT');
    npocQat = await signInAs(t, ['npoc'], 'QAT');
    const saved = await call(t.app, npocKwt, 'PUT', `/api/v1/nominations/${sabah}/logistics`, {
      arrivalAt: '2027-03-06T11:30:00Z',
      arrivalFlight: 'KU 102',
      departureAt: '2027-03-12T20:00:00Z',
      lodging: 'centre',
      visaLetterRequested: 'no',
      passportNumber: 'K1234567',
      dietaryNeeds: '-no pork',
      notes: '+965 5555 1234',
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(() => t.close());

  describe('JSON', () => {
    it('lists every selected nomination for the registrar, missing counted', async () => {
      const response = await call(t.app, registrar, 'GET', SHEET);
      expect(response.statusCode, response.body).toBe(200);
      const sheet = response.json<LogisticsSheet>();
      expect(sheet).toMatchObject({
        sessionCode: 'CT-A-27',
        timeZone: 'Asia/Kuwait',
        passportNumbersShown: true,
        missing: 2,
      });
      expect(sheet.rows.map((r) => [r.nationCode, r.familyNameLatin])).toEqual([
        ['KWT', 'Al-Sabah'],
        ['KWT', 'Zayed'],
        ['QAT', 'Al-Thani'],
      ]);
      expect(sheet.rows[0]).toMatchObject({
        nominationId: sabah,
        givenNamesLatin: 'Fahad',
        familyNameArabic: 'الصباح',
        givenNamesArabic: 'فهد',
        nationName: { en: 'Kuwait', ar: 'الكويت' },
        rankCode: 'OF-3',
        rankTitle: 'Major',
        arrivalAt: '2027-03-06T11:30:00.000Z',
        passportNumber: 'K1234567',
        departureFlight: null,
        missingFields: [],
      });
      expect(sheet.rows[2]).toMatchObject({
        arrivalAt: null,
        lodging: null,
        missingFields: ['arrivalAt', 'departureAt', 'lodging', 'visaLetterRequested'],
      });
    });

    it('gives an NPOC only their nation’s rows', async () => {
      const kwt = (await call(t.app, npocKwt, 'GET', SHEET)).json<LogisticsSheet>();
      expect(kwt.rows.map((r) => r.nationCode)).toEqual(['KWT', 'KWT']);
      expect(kwt.missing).toBe(1);
      expect(kwt.rows[0]?.passportNumber).toBe('K1234567');
      const qat = (await call(t.app, npocQat, 'GET', SHEET)).json<LogisticsSheet>();
      expect(qat.rows.map((r) => r.familyNameLatin)).toEqual(['Al-Thani']);
    });

    it('gives the session’s director and instructors every row, without passport numbers', async () => {
      for (const who of [director, instructor]) {
        const response = await call(t.app, who, 'GET', SHEET);
        expect(response.statusCode, response.body).toBe(200);
        const sheet = response.json<LogisticsSheet>();
        expect(sheet.rows).toHaveLength(3);
        expect(sheet.passportNumbersShown).toBe(false);
        expect(sheet.rows.every((r) => r.passportNumber === null)).toBe(true);
        expect(sheet.rows[0]?.missingFields).toEqual([]);
      }
    });

    it('lets an observer read without passport numbers', async () => {
      const observer = await signInAs(t, ['observer']);
      const sheet = (await call(t.app, observer, 'GET', SHEET)).json<LogisticsSheet>();
      expect(sheet.rows).toHaveLength(3);
      expect(sheet.rows[0]?.passportNumber).toBeNull();
    });

    it('refuses a director or instructor of other sessions (403)', async () => {
      for (const role of ['course_director', 'instructor'] as const) {
        const stranger = await signInAs(t, [role]);
        expectProblem(await call(t.app, stranger, 'GET', SHEET), 403, 'forbidden');
      }
    });

    it('refuses roles without logistics.read (403)', async () => {
      const participant = await signInAs(t, ['participant'], 'KWT');
      expectProblem(await call(t.app, participant, 'GET', SHEET), 403, 'forbidden');
      const nominator = await signInAs(t, ['nominator'], 'KWT');
      expectProblem(await call(t.app, nominator, 'GET', SHEET), 403, 'forbidden');
    });

    it('asks for a sign-in (401)', async () => {
      expectProblem(await call(t.app, null, 'GET', SHEET), 401, 'unauthenticated');
    });

    it('hides a session not released to the reader’s nation (404), and an unknown one', async () => {
      const url = '/api/v1/sessions/KWT-A-27/logistics';
      expect((await call(t.app, npocKwt, 'GET', url)).statusCode).toBe(200);
      expectProblem(await call(t.app, npocQat, 'GET', url), 404, 'not_found');
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/sessions/NOPE-27/logistics'),
        404,
        'not_found',
      );
    });

    it('refuses a malformed session code (400)', async () => {
      expectProblem(
        await call(t.app, registrar, 'GET', '/api/v1/sessions/bad code!/logistics'),
        400,
        'validation_failed',
      );
    });

    it('is empty with nothing missing before selection', async () => {
      const response = await call(
        t.app,
        registrar,
        'GET',
        '/api/v1/sessions/CT-EMPTY-27/logistics',
      );
      expect(response.json<LogisticsSheet>()).toMatchObject({ rows: [], missing: 0 });
    });
  });

  describe('CSV', () => {
    it('downloads UTF-8 with a BOM, English headers, venue times, formulas neutralised', async () => {
      const response = await call(t.app, registrar, 'GET', `${SHEET}.csv`);
      expect(response.statusCode, response.body).toBe(200);
      expect(await exportAuditsOf(t.db.pool, response)).toEqual([
        {
          actorId: registrar.userId,
          entityType: 'session',
          entityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          after: {
            export: 'logistics-sheet',
            format: 'csv',
            rows: 3,
            filters: { passportNumbersShown: true },
          },
        },
      ]);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="logistics-CT-A-27.csv"',
      );
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(rows[0]).toEqual([
        'Family name',
        'Given names',
        'Family name (Arabic)',
        'Given names (Arabic)',
        'Nation',
        'Rank code',
        'Rank',
        'Arrival (Asia/Kuwait)',
        'Arrival flight',
        'Departure (Asia/Kuwait)',
        'Departure flight',
        'Lodging',
        'Visa letter',
        'Passport number',
        'Dietary needs',
        'Notes',
        'Missing',
      ]);
      expect(rows).toHaveLength(4);
      expect(rows[1]).toEqual([
        'Al-Sabah',
        'Fahad',
        'الصباح',
        'فهد',
        'Kuwait',
        'OF-3',
        'Major',
        '2027-03-06 14:30',
        'KU 102',
        '2027-03-12 23:00',
        '',
        'Centre accommodation',
        'No',
        'K1234567',
        "'-no pork",
        "'+965 5555 1234",
        '',
      ]);
      expect([rows[2]?.[1], rows[2]?.[6]]).toEqual([
        '\'=HYPERLINK("http://evil.example","x")',
        "'@Captain",
      ]);
      expect(rows[3]?.[16]).toBe('Arrival, Departure, Lodging, Visa letter');
    });

    it('speaks the reader’s language and keeps the NPOC to their nation', async () => {
      const reader = await signInAs(t, ['npoc'], 'QAT');
      await speaking('ar', reader);
      const rows = parseCsv(
        (await call(t.app, reader, 'GET', `${SHEET}.csv`)).rawPayload.subarray(3).toString('utf8'),
      );
      expect(rows[0]?.[0]).toBe('اسم العائلة');
      expect(rows[0]?.[7]).toBe('الوصول (Asia/Kuwait)');
      expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([['Al-Thani', 'حمد', 'قطر']]);

      await speaking('fr', reader);
      const french = parseCsv(
        (await call(t.app, reader, 'GET', `${SHEET}.csv`)).rawPayload.subarray(3).toString('utf8'),
      );
      expect(french[0]?.slice(0, 2)).toEqual(['Nom', 'Prénoms']);
    });

    it('leaves the passport column out for readers who may not see it', async () => {
      const rows = parseCsv(
        (await call(t.app, director, 'GET', `${SHEET}.csv`)).rawPayload
          .subarray(3)
          .toString('utf8'),
      );
      expect(rows[0]).not.toContain('Passport number');
      expect(rows.flat()).not.toContain('K1234567');
    });

    it('has the same guards as the sheet (401, 403, 404)', async () => {
      expectProblem(await call(t.app, null, 'GET', `${SHEET}.csv`), 401, 'unauthenticated');
      const participant = await signInAs(t, ['participant'], 'KWT');
      expectProblem(await call(t.app, participant, 'GET', `${SHEET}.csv`), 403, 'forbidden');
      expectProblem(
        await call(t.app, npocQat, 'GET', '/api/v1/sessions/KWT-A-27/logistics.csv'),
        404,
        'not_found',
      );
    });

    it('is a header line alone for an empty session', async () => {
      const response = await call(
        t.app,
        registrar,
        'GET',
        '/api/v1/sessions/CT-EMPTY-27/logistics.csv',
      );
      expect(parseCsv(response.rawPayload.subarray(3).toString('utf8'))).toHaveLength(1);
    });
  });

  describe('XLSX', () => {
    it('downloads a workbook that reads back with the same rows, formulas neutralised', async () => {
      const response = await call(t.app, registrar, 'GET', `${SHEET}.xlsx`);
      expect(response.statusCode, response.body).toBe(200);
      expect((await exportAuditsOf(t.db.pool, response))[0]?.after).toMatchObject({
        export: 'logistics-sheet',
        format: 'xlsx',
      });
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="logistics-CT-A-27.xlsx"',
      );
      const { sheet, rows } = await readXlsx(response.rawPayload);
      expect(sheet.name).toBe('CT-A-27');
      expect(sheet.views[0]?.rightToLeft).toBe(false);
      expect(rows[0]?.[0]).toBe('Family name');
      expect(rows[1]?.slice(0, 5)).toEqual(['Al-Sabah', 'Fahad', 'الصباح', 'فهد', 'Kuwait']);
      expect(rows[1]?.[14]).toBe("'-no pork");
      expect([rows[2]?.[1], rows[2]?.[6]]).toEqual([
        '\'=HYPERLINK("http://evil.example","x")',
        "'@Captain",
      ]);
      expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
      expect(rows).toHaveLength(4);
    });

    it('is laid out right to left with Arabic headers for an Arabic reader', async () => {
      const reader = await signInAs(t, ['registrar']);
      await speaking('ar', reader);
      const { sheet, rows } = await readXlsx(
        (await call(t.app, reader, 'GET', `${SHEET}.xlsx`)).rawPayload,
      );
      expect(sheet.views[0]?.rightToLeft).toBe(true);
      expect(rows[0]?.slice(0, 5)).toEqual([
        'اسم العائلة',
        'الاسم الأول',
        'اسم العائلة (بالعربية)',
        'الاسم الأول (بالعربية)',
        'الدولة',
      ]);
      expect(rows[1]?.[4]).toBe('الكويت');
      expect(rows[1]?.[11]).toBe('سكن المركز');
    });

    it('has the same guards as the sheet (401, 403, 404)', async () => {
      expectProblem(await call(t.app, null, 'GET', `${SHEET}.xlsx`), 401, 'unauthenticated');
      const stranger = await signInAs(t, ['instructor']);
      expectProblem(await call(t.app, stranger, 'GET', `${SHEET}.xlsx`), 403, 'forbidden');
      expectProblem(
        await call(t.app, npocQat, 'GET', '/api/v1/sessions/KWT-A-27/logistics.xlsx'),
        404,
        'not_found',
      );
    });
  });
});
