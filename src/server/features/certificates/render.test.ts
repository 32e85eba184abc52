import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintedCertificate } from '../../../contract/certificates.js';
import { layoutLine } from './pdf/bidi-text.js';
import { extractSignature } from './pdf/embedded.js';
import { type Face, faces } from './pdf/fonts.js';
import { renderCertificatePdf } from './pdf/render.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rabita-certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const printed: PrintedCertificate = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  languages: ['en', 'ar'],
  participant: { latin: 'Salem Al-Ali', arabic: 'العقيد سالم ٤٢' },
  activity: {
    code: 'CTM-CT-2839',
    title: { en: 'Counter-Terrorism Awareness Course', other: 'دورة التوعية بمكافحة الإرهاب' },
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

async function render(content: PrintedCertificate) {
  const pdf = await renderCertificatePdf({
    printed: content,
    verifyUrl: `https://rabita.example/verify/${content.id}`,
    signed: { payload: Buffer.from('{"id":"x"}'), signature: 'c2lnbmF0dXJl', keyId: 'k-2027-03' },
    issuedAt: new Date('2027-03-12T08:00:00Z'),
  });
  const file = path.join(dir, `${content.id}-${content.languages[1]}.pdf`);
  writeFileSync(file, pdf);
  return { pdf, file };
}

// pdftotext writes a line left to right, run by run, and puts each right-to-left run back in
// logical order between embedding marks. Those marks are dropped to compare plain text.
const plainLines = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replace(/[\u202a-\u202e]/g, '')
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

describe('certificate PDF', () => {
  it('prints an Arabic name with digits shaped and in order, as pdftotext reads it back', async () => {
    const { file } = await render(printed);
    const lines = plainLines(file);
    expect(lines).toContain('Salem Al-Ali');
    // On the page, right to left: العقيد, سالم, then ٤٢ at the far left, its digits 4 then 2
    // left to right. pdftotext gives the runs from the left: the number, then the words.
    expect(lines).toContain('٤٢ العقيد سالم');
    expect(lines.join('\n')).not.toContain('٢٤');
    expect(lines).toContain('Certificate of Completion');
    expect(lines).toContain('شهادة إتمام');
    expect(lines).toContain('دورة التوعية بمكافحة الإرهاب');
    expect(lines).toContain('CTM-CT-2839 · M5-66-A-24');
    expect(lines).toContain('7 – 11 March 2027 · Regional Centre');
    // The Arabic dates: each number keeps its digits in order (2027 is ٢٠٢٧, never ٧٢٠٢).
    const arabicDates = lines.find((line) => line.includes('مارس') && line.includes('–'));
    expect(arabicDates).toBeDefined();
    expect(arabicDates).toContain('٢٠٢٧');
    expect(arabicDates).toContain('المركز الإقليمي');
    expect(lines.some((line) => line.includes('صدرت بتاريخ') && line.includes('١٢'))).toBe(true);
    expect(lines.join('\n')).toContain('https://rabita.example/verify/AbCdEfGhIjKlMnOpQrStUv');
  });

  it('is one A4 landscape page', async () => {
    const { file } = await render(printed);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
  });

  it('renders page 1 as a PNG for a look by eye', async () => {
    const { file } = await render(printed);
    const png = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, png]);
    expect(statSync(`${png}-1.png`).size).toBeGreaterThan(10_000);
  });

  it('prints French beside English for a French session, and the name in both scripts', async () => {
    const { file } = await render({
      ...printed,
      id: 'FrFrFrFrFrFrFrFrFrFrFr',
      languages: ['en', 'fr'],
      activity: {
        code: 'CTM-CT-2839',
        title: { en: 'Crisis management', other: 'Gestion de crise' },
      },
      issuer: { en: 'Regional Centre', other: 'Centre régional' },
      session: { ...printed.session, venue: { en: 'Regional Centre', other: null } },
    });
    const lines = plainLines(file);
    expect(lines).toContain('Certificat de réussite');
    expect(lines).toContain('Gestion de crise');
    expect(lines).toContain('٤٢ العقيد سالم');
    expect(lines.some((line) => line.includes('7–11 mars 2027'))).toBe(true);
  });

  it('carries the signed content, the signature and the key id inside', async () => {
    const { pdf } = await render(printed);
    expect(extractSignature(pdf)).toEqual({
      payload: Buffer.from('{"id":"x"}'),
      signature: 'c2lnbmF0dXJl',
      keyId: 'k-2027-03',
    });
    expect(extractSignature(Buffer.from('not a pdf'))).toBeNull();
  });
});

describe('bidi line layout', () => {
  let regular: Face[] = [];
  beforeAll(async () => {
    regular = (await faces()).regular;
  });
  const texts = (text: string, direction: 'ltr' | 'rtl') =>
    layoutLine(text, regular, 12, direction).pieces.map((p) => p.text);

  it('orders an Arabic line right to left, keeping the number left to right', () => {
    // Pieces are left to right on the page. fontkit reverses Arabic-script runs itself, so
    // words go in logical order and the digits (Arabic script too) go in reversed.
    expect(texts('العقيد سالم ٤٢', 'rtl')).toEqual(['٢٤', ' ', 'سالم', ' ', 'العقيد']);
  });

  it('keeps a Latin code inside Arabic text in its own order', () => {
    expect(texts('الدورة M5-66 هنا', 'rtl')).toEqual(['هنا', ' ', 'M5-66', ' ', 'الدورة']);
  });

  it('mirrors brackets in right-to-left text', () => {
    const pieces = texts('سالم (٤٢)', 'rtl');
    expect(pieces.join('')).toContain(')');
    expect(pieces.at(-1)).toBe('سالم');
  });

  it('leaves a Latin line as it is', () => {
    expect(texts('Salem Al-Ali', 'ltr')).toEqual(['Salem', ' ', 'Al-Ali']);
  });
});
