import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrintedCertificate } from '../../../contract/certificates.js';
import { renderCertificatePdf } from './pdf/render.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rabita-long-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: PrintedCertificate = {
  id: 'LoNgNaMeLoNgNaMeLoNgNa',
  languages: ['en', 'ar'],
  participant: { latin: 'Salem Al-Ali', arabic: null },
  activity: {
    code: 'CTM-CT-2839',
    title: {
      en: 'Counter-Terrorism Awareness Course for Senior Staff Officers',
      other: 'دورة التوعية بمكافحة الإرهاب لكبار ضباط الأركان',
    },
  },
  session: {
    code: 'M5-66-A-24',
    startDate: '2027-03-07',
    endDate: '2027-03-11',
    venue: { en: 'Regional Centre', other: 'المركز الإقليمي' },
  },
  issuedOn: '2027-03-12',
  issuer: { en: 'Regional Centre', other: 'المركز الإقليمي' },
};

// 200 characters of Latin name: given names and a compound family name, as a passport may hold.
const LONG_LATIN = [
  'Mohammed Abdulrahman Khalifa Hamad Jassim Saoud Abdulaziz Nasser',
  'Al-Dossari-Ben Abdelkader Ould Sidi Mohamed El-Moustapha de la Fuente',
  'Vandenberghe-Oyelaran Maximiliano Nkemdirim Obi-Wankwo Teixeira-L',
].join(' ');
// A four-part Arabic name with its nasab (ibn ... ibn ...), tribe and family.
const LONG_ARABIC =
  'عبدالرحمن بن محمد بن عبدالعزيز بن سعود بن خليفة بن حمد بن جاسم آل ثاني العتيبي المطيري الدوسري الهاجري';
const MIXED = 'Jean-François Ould Abdallahi بن سالم Al-Mansoori de Saint-Exupéry O’Neill-Ferreira';

interface Box {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

async function render(printed: PrintedCertificate, name: string) {
  const pdf = await renderCertificatePdf({
    printed,
    verifyUrl: `https://rabita.example/verify/${printed.id}`,
    signed: { payload: Buffer.from('{"id":"x"}'), signature: 'c2lnbmF0dXJl', keyId: 'k-2027-03' },
    issuedAt: new Date('2027-03-12T08:00:00Z'),
  });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

const attr = (tag: string, name: string) =>
  Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)?.[1]);

/** The lines pdftotext finds, each with its box and its words, in page points. */
function lines(file: string): { page: { width: number; height: number }; lines: Box[] } {
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  const pageTag = /<page [^>]*>/.exec(html)?.[0] ?? '';
  const found: Box[] = [];
  for (const match of html.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
    const words = [...(match[2] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]);
    const tag = match[1] ?? '';
    found.push({
      text: words.join(' '),
      xMin: attr(tag, 'xMin'),
      yMin: attr(tag, 'yMin'),
      xMax: attr(tag, 'xMax'),
      yMax: attr(tag, 'yMax'),
    });
  }
  return { page: { width: attr(pageTag, 'width'), height: attr(pageTag, 'height') }, lines: found };
}

const intersect = (a: Box, b: Box) =>
  a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;

/** Every pair of lines that overlap on the page, named by their text. */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) {
      if (intersect(a, b)) found.push(`${a.text} ⟷ ${b.text}`);
    }
  });
  return found;
}

// Words come back with bidi marks and Arabic in logical order; compare letters only.
const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');

describe('a certificate for the longest real names', () => {
  const cases: [string, PrintedCertificate['participant']][] = [
    ['latin-200', { latin: LONG_LATIN, arabic: null }],
    ['arabic-nasab', { latin: 'Abdulrahman Al-Thani', arabic: LONG_ARABIC }],
    ['both-long', { latin: LONG_LATIN, arabic: LONG_ARABIC }],
    ['mixed', { latin: MIXED, arabic: LONG_ARABIC }],
    ['no-spaces', { latin: 'A'.repeat(120) + 'B'.repeat(80), arabic: 'م'.repeat(120) }],
  ];

  it('has a 200-character Latin name to test with', () => {
    expect(LONG_LATIN).toHaveLength(200);
  });

  for (const [name, participant] of cases) {
    for (const other of ['ar', 'fr'] as const) {
      it(`prints "${name}" (${other}) whole, inside the page, with no two lines overlapping`, async () => {
        const file = await render(
          { ...base, languages: ['en', other], participant },
          `${name}-${other}`,
        );
        const { page, lines: boxes } = lines(file);
        expect(boxes.length).toBeGreaterThan(10);
        expect(overlaps(boxes)).toEqual([]);
        for (const box of boxes) {
          expect(box.xMin, box.text).toBeGreaterThanOrEqual(32);
          expect(box.yMin, box.text).toBeGreaterThanOrEqual(32);
          expect(box.xMax, box.text).toBeLessThanOrEqual(page.width - 32);
          expect(box.yMax, box.text).toBeLessThanOrEqual(page.height - 32);
        }
        // pdftotext gives right-to-left words here in visual order, their letters reversed.
        const all = letters(boxes.map((b) => b.text).join(''));
        const printed = (word: string) =>
          /\p{Script=Arabic}/u.test(word)
            ? Array.from(letters(word)).reverse().join('')
            : letters(word);
        for (const word of `${participant.latin} ${participant.arabic ?? ''}`.split(/\s+/)) {
          expect(all, word).toContain(printed(word));
        }
        // The verification block is still there, whole.
        expect(boxes.some((b) => b.text.includes(`https://rabita.example/verify/${base.id}`))).toBe(
          true,
        );
      });
    }
  }

  it('leaves the emoji of a name out, as the verification page does', async () => {
    const file = await render(
      { ...base, participant: { latin: 'Salem 😀 Al-Ali', arabic: 'سالم 👍🏽 العلي' } },
      'emoji',
    );
    const text = lines(file).lines.map((b) => b.text);
    expect(text).toContain('Salem Al-Ali');
    expect(text.join(' ')).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
