import { describe, expect, it } from 'vitest';
import { quotaTotals, toQuotas, toQuotaValues } from './quotas.js';

describe('quota grid', () => {
  it('totals the seats and leaves the rest to the pool', () => {
    expect(quotaTotals({ KWT: 4, BHR: '2', QAT: '' }, 24)).toEqual({
      total: 6,
      pool: 18,
      over: false,
    });
  });
  it('flags a total above capacity', () => {
    expect(quotaTotals({ KWT: 20, ARE: 6 }, '24')).toEqual({ total: 26, pool: -2, over: true });
  });
  it('ignores blanks, negatives and nonsense', () => {
    expect(quotaTotals({ KWT: -3, BHR: 'x' }, 10).total).toBe(0);
  });
  it('sends only nations with seats, in code order, and reads them back', () => {
    const quotas = toQuotas({ QAT: 2, KWT: '4', BHR: 0, OMN: '' });
    expect(quotas).toEqual([
      { nationCode: 'KWT', seats: 4 },
      { nationCode: 'QAT', seats: 2 },
    ]);
    expect(toQuotaValues(quotas)).toEqual({ KWT: 4, QAT: 2 });
  });
});
