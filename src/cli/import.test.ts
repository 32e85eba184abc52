import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { seedPartners } from '../../test/support/factories.js';
import { runRabita } from '../../test/support/rabita-process.js';
import { makeActivity, seedSessionBasics } from '../server/features/sessions/test-data.js';

const rabita = (args: string[], env: Record<string, string>) => runRabita(args, env);

describe('rabita import people', { timeout: 90_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-import-cli-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const count = async () =>
    Number(
      (await db.pool.query(`select count(*) from participants where email like '%@cli.example'`))
        .rows[0].count,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    env = { DATABASE_URL: db.url, RABITA_MIGRATION_DATABASE_URL: db.adminUrl };
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const header = 'Nom de famille (latin);Prénoms (latin);Grade;Courriel\r\n';

  it('answers a usage error with exit status 2', async () => {
    const noNation = await rabita(['import', 'people', file('a.csv', header)], env);
    expect(noNation.code).toBe(2);
    expect(noNation.stderr).toContain('--nation');
  });

  it('lists the bad rows by row and column and writes nothing (exit 1)', async () => {
    const bad = file(
      'bad.csv',
      `${header}Al-Ali;Ali;OF-3;ali@cli.example\r\n=CMD();Sara;XX;sara@cli.example\r\n`,
    );
    const result = await rabita(['import', 'people', bad, '--nation', 'KWT'], env);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('row 3: Family name (Latin): passport_name');
    expect(result.stderr).toContain('row 3: Rank: unknown_rank');
    expect(await count()).toBe(0);
  });

  it('checks only with --dry-run, then imports all rows in one go', async () => {
    const good = file(
      'good.csv',
      `${header}Al-Ali;Ali;OF-3;ali@cli.example\r\nAl-Ali;Sara;رائد;sara@cli.example\r\n`,
    );
    const dry = await rabita(['import', 'people', good, '--nation', 'KWT', '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('2 rows: 2 valid, 0 with errors');
    expect(await count()).toBe(0);
    const real = await rabita(['import', 'people', good, '--nation', 'KWT'], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Imported: 2 created, 0 updated, 0 skipped');
    expect(await count()).toBe(2);
    const again = await rabita(['import', 'people', good, '--nation', 'KWT'], env);
    expect(again.stdout).toContain('Imported: 0 created, 0 updated, 2 skipped');
    expect(await count()).toBe(2);
  });

  it('maps headers that differ with --map, and refuses an unknown field (exit 2)', async () => {
    const mapped = file(
      'mapped.csv',
      'Nom de famille,Prénom,Grade,Adresse électronique\r\nAl-Sabah,Mubarak,OF-4,mubarak@map.example\r\n',
    );
    const unknown = await rabita(
      ['import', 'people', mapped, '--nation', 'KWT', '--map', 'Prénom=firstName'],
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no field "firstName"');
    expect(unknown.stderr).toContain('givenNamesLatin');
    const real = await rabita(
      [
        'import',
        'people',
        mapped,
        '--nation',
        'KWT',
        '--map',
        'Nom de famille=familyNameLatin',
        '--map',
        'prénom=givenNamesLatin',
        '--map',
        'Adresse électronique=email',
      ],
      env,
    );
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Imported: 1 created');
    const row = await db.pool.query(
      `select family_name_latin, given_names_latin from participants where email = 'mubarak@map.example'`,
    );
    expect(row.rows).toEqual([{ family_name_latin: 'Al-Sabah', given_names_latin: 'Mubarak' }]);
  });
});

describe('rabita import sessions', { timeout: 180_000 }, () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rabita-import-sessions-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const count = async () =>
    Number(
      (await db.pool.query(`select count(*) from training_sessions where code like 'CLI-%'`))
        .rows[0].count,
    );
  const header =
    'Session code;Activity code;Venue code;Start date;End date;Capacity;Nominations open;Nominations close;Quotas\r\n';

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedPartners(db.db);
    await seedSessionBasics(db.db);
    await makeActivity(db.db, 'CT-CLI');
    env = { DATABASE_URL: db.url, RABITA_MIGRATION_DATABASE_URL: db.adminUrl };
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists bad rows with exit 1, then imports sessions with quotas in one go', async () => {
    // 2027-05-07 is a Friday: not a working day at Kuwait's centre.
    const bad = file(
      'bad.csv',
      `${header}CLI-1;CT-CLI;KWI-NIRC;2027-05-02;2027-05-06;20;2027-02-01;2027-04-01;KWT:4; QAT:2\r\nCLI-2;CT-CLI;KWI-NIRC;2027-05-07;2027-05-13;20;2027-02-01;2027-04-01;KWT=4\r\n`,
    );
    const refused = await rabita(['import', 'sessions', bad], env);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('row 3: Start date: not_working_day');
    expect(await count()).toBe(0);
    const good = file(
      'good.csv',
      `${header}CLI-1;CT-CLI;KWI-NIRC;2027-05-02;2027-05-06;20;2027-02-01;2027-04-01;"KWT:4; QAT:2"\r\n`,
    );
    const dry = await rabita(['import', 'sessions', good, '--dry-run'], env);
    expect(dry.code, dry.stderr).toBe(0);
    expect(await count()).toBe(0);
    const real = await rabita(['import', 'sessions', good], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('Imported: 1 created');
    expect(await count()).toBe(1);
    const again = await rabita(['import', 'sessions', good, '--duplicates', 'create'], env);
    expect(again.stdout).toContain('may be CLI-1');
    expect(again.stdout).toContain('Imported: 0 created, 0 updated, 1 skipped');
    const nation = await rabita(['import', 'sessions', good, '--nation', 'KWT'], env);
    expect(nation.code).toBe(2);
  });
});
