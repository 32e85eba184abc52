import { describe, expect, it } from 'vitest';
import { isLsn, laterLsn, lsnValue } from './replica.js';

describe('WAL positions', () => {
  it.each([
    ['0/3000000', '0/3000028', -1],
    ['0/FFFFFFFF', '1/0', -1],
    ['16/B374D848', '16/B374D848', 0],
    ['A/0', '9/FFFFFFFF', 1],
  ])('orders %s against %s by number, not by text', (a, b, order) => {
    expect(Math.sign(Number(lsnValue(a) - lsnValue(b)))).toBe(order);
  });

  it('keeps the later of two, and either when the other is none', () => {
    expect(laterLsn('0/9', '0/10')).toBe('0/10');
    expect(laterLsn(null, '0/10')).toBe('0/10');
    expect(laterLsn('1/0', null)).toBe('1/0');
    expect(laterLsn(null, null)).toBeNull();
  });

  it('takes only what PostgreSQL writes', () => {
    expect(isLsn('16/B374D848')).toBe(true);
    expect(isLsn('16/b374d848')).toBe(true);
    for (const text of ['', '16', '16/', '/1', '1/2/3', '123456789/0', '0/G', "0/0'; drop"])
      expect(isLsn(text), text).toBe(false);
  });
});
