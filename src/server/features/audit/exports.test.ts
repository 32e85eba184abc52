import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';

/**
 * Every route that hands out a file of personal data, and the test that shows its download
 * lands in the audit trail (as `data.exported`). The calendar feed is a subscription, not an
 * export. A new download route fails here until it is audited and listed.
 */
const AUDITED_DOWNLOADS: Record<string, string> = {
  'GET /api/v1/sessions/:code/logistics.csv': 'logistics/logistics-sheet.test.ts',
  'GET /api/v1/sessions/:code/logistics.xlsx': 'logistics/logistics-sheet.test.ts',
  'GET /api/v1/reports/trained.csv': 'reports/reports.test.ts',
  'GET /api/v1/reports/trained.xlsx': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/rates.csv': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/rates.xlsx': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/evaluations.csv': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/evaluations.xlsx': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/programme-delivery.csv': 'reports/reports.test.ts (same service)',
  'GET /api/v1/reports/programme-delivery.xlsx': 'reports/reports.test.ts',
  'GET /api/v1/reports/annual/:nationCode/:year.pdf': 'reports/reports.test.ts',
  'GET /api/v1/sessions/:code/report.pdf': 'results/report.test.ts',
  'GET /api/v1/sessions/:code/nation-report.pdf': 'results/nation-report.test.ts',
  'GET /api/v1/visa-letters/:id.pdf': 'visa-letters/visa-letters.test.ts',
  'GET /api/v1/sessions/:code/certificates.zip': 'certificates/certificates.test.ts',
  'GET /api/v1/certificates/:id.pdf': 'certificates/certificates.test.ts',
  'GET /api/v1/certificates/:id/badge.json': 'certificates/certificates.test.ts',
};

/** Files that carry no one's personal data, and why; not audited as exports. */
const NOT_PERSONAL_DATA: Record<string, string> = {
  'GET /api/v1/public-catalogue/:year.pdf': 'the public catalogue: activities and dates only',
  'GET /api/v1/sessions/:code/agenda.pdf':
    "a programme sent to every participant: items, times, speakers' names",
};

describe('downloads of personal data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('are all audited', () => {
    const downloads = t.app.declaredRoutes
      .filter((r) => r.method === 'GET' && /\.(csv|xlsx|pdf|zip|json)$/.test(r.url))
      .filter((r) => !r.url.startsWith('/.well-known/') && r.url !== '/api/v1/openapi.json')
      .filter((r) => !(`${r.method} ${r.url}` in NOT_PERSONAL_DATA))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(downloads).toEqual(Object.keys(AUDITED_DOWNLOADS).sort());
  });
});
