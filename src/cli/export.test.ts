import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { seedPartners } from '../../test/support/factories.js';
import { runRabita } from '../../test/support/rabita-process.js';

describe('rabita export and rabita search', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-export-cli-'));
  const at = (name: string) => path.join(dir, name);
  const rabita = (args: string[]) => runRabita(args, env);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    env = { DATABASE_URL: db.url, RABITA_MIGRATION_DATABASE_URL: db.adminUrl };
    // The people come in as a nation's officers do: through the import.
    const people = at('people.csv');
    fs.writeFileSync(
      people,
      'Family name (Latin);Given names (Latin);Family name (Arabic);Given names (Arabic);Rank;E-mail\r\n' +
        'Al-Ali;Mohammed;الْعَلِيّ;مُحَمَّـــد;OF-3;mohammed@cli.example\r\n' +
        'Al-Sabah;Sara;الصباح;سارة;OF-2;sara@cli.example\r\n',
    );
    const imported = await rabita(['import', 'people', people, '--nation', 'KWT']);
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the people list as CSV with its filters, and records the export', async () => {
    const out = at('people.csv.out');
    const result = await rabita([
      'export',
      'people',
      '--out',
      out,
      '--filter',
      'q=sabah',
      '--filter',
      'nationCode=KWT',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Wrote 1 rows to ${out}`);
    const rows: string[][] = parse(fs.readFileSync(out, 'utf8'), { bom: true });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Family name');
    expect(rows[1]).toContain('Al-Sabah');
    const audit = await db.pool.query(
      `select count(*)::int as n from audit_log where action = 'data.exported'`,
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('writes XLSX with Arabic headers laid out right to left', async () => {
    const out = at('people-ar.xlsx');
    const result = await rabita([
      'export',
      'people',
      '--format',
      'xlsx',
      '--lang',
      'ar',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('the workbook has no sheet');
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(header.some((cell) => /[\u0600-\u06ff]/.test(cell))).toBe(true);
    expect(sheet.rowCount).toBe(3);
  });

  it('refuses an unknown list, an unknown filter and a roster without its session (exit 2)', async () => {
    const unknownList = await rabita(['export', 'passports']);
    expect(unknownList.code).toBe(2);
    expect(unknownList.stderr).toContain('people, nominations');
    const unknownFilter = await rabita(['export', 'people', '--filter', 'colour=red']);
    expect(unknownFilter.code).toBe(2);
    expect(unknownFilter.stderr).toContain('bad filter');
    const noSession = await rabita(['export', 'attendance']);
    expect(noSession.code).toBe(2);
    expect(noSession.stderr).toContain('--session');
    expect(fs.readdirSync(process.cwd()).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('says when the session does not exist (exit 1), with no file left behind', async () => {
    const out = at('results.csv');
    const result = await rabita(['export', 'results', '--session', 'NOPE-1', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^rabita: /);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.part`)).toBe(false);
  });

  it('finds a name written with vowel marks and tatweel by its bare letters', async () => {
    const found = await rabita(['search', 'محمد', 'العلي']);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain('Al-Ali, Mohammed (مُحَمَّـــد الْعَلِيّ) · KWT');
    const latin = await rabita(['search', 'Muhammad', '--json']);
    expect(JSON.parse(latin.stdout).people).toHaveLength(1);
    const none = await rabita(['search', 'Zzyzx']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nothing matches');
  });
});
