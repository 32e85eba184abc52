import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { searchDocument, searchDocumentSql } from '../../../domain/search-text.js';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

/** Characters the normalisation treats specially, and a few it does not. */
const ALPHABET = [
  ..."abcdehlmoqsuyzAEHLMOSY019 -'’.@_",
  ...'ابتدرسعلمنهوياأإآٱؤئءةىـًٌٍَُِّْٰکی٠٩',
  ...'éÉüñçøßıłÆ\u0301\u0308',
  '\u00a0',
  '\u200f',
  '\u{1F600}',
];

const NAMES = [
  'مُحَمَّـــد الْعَلِيّ',
  'عبد الله',
  'عبدالرحمن',
  'الأمن السيبراني',
  'Al-Sabah',
  'al Sabah',
  'Abd al-Rahman',
  "D'Souza",
  'Jean-Pierre Østergaard',
  'Mohammed Muhammad Mohamed Mohamad Mahmoud',
  'Yusuf Youssef Khalid Khaled Fatimah',
  'CYB-101 m.alsabah@kwt.example',
  'ٱلإسلام مسؤول هيئة سماء کریم ١٠١',
  '',
  '   ',
];

describe('the stored keys (SQL) equal the query keys (TypeScript)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.destroy();
  });

  async function sqlDocuments(texts: string[]): Promise<string[]> {
    const { rows } = await t.pool.query<{ doc: string }>(
      'select rabita_search_document(x) as doc from unnest($1::text[]) with ordinality as u(x, n) order by n',
      [texts],
    );
    return rows.map((r) => r.doc);
  }

  it('the migration creates the function that searchDocumentSql() renders', () => {
    const files = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => readFileSync(`${MIGRATIONS}${f}`, 'utf8'))
      .filter((text) => text.includes('FUNCTION rabita_search_document'));
    expect(files.length).toBeGreaterThan(0);
    expect(files.at(-1)).toContain(searchDocumentSql());
  });

  it('gives the same keys for names in both scripts', async () => {
    expect(await sqlDocuments(NAMES)).toEqual(NAMES.map((n) => searchDocument(n)));
  });

  it('gives the same keys for any mix of the characters it treats specially', async () => {
    const texts = fc.sample(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 }), {
      numRuns: 2000,
      seed: 15,
    });
    const fromSql = await sqlDocuments(texts);
    const differing = texts.filter((text, i) => fromSql[i] !== searchDocument(text));
    expect(differing).toEqual([]);
  });

  it('the text-search parser keeps every key word whole', async () => {
    const docs = NAMES.map((n) => searchDocument(n));
    const { rows } = await t.pool.query<{ lexemes: string[] }>(
      `select coalesce(array(select lexeme from unnest(to_tsvector('simple', d)) order by lexeme), '{}') as lexemes
       from unnest($1::text[]) with ordinality as u(d, n) order by n`,
      [docs],
    );
    rows.forEach((row, i) => {
      const words = [...new Set((docs[i] ?? '').split(' ').filter((w) => w))];
      expect([...row.lexemes].sort()).toEqual(words.sort());
    });
  });
});
