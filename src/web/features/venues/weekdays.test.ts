import { describe, expect, it } from 'vitest';
import { timeZones, weekdayNames, weekOrder } from './weekdays.js';

describe('weekdays', () => {
  it('names the days from Sunday', () => {
    expect(weekdayNames('en')).toEqual([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    expect(weekdayNames('fr', 'short')[1]).toBe('lun.');
    expect(weekdayNames('ar')[5]).toBe('الجمعة');
  });
  it('orders the week from its first day', () => {
    expect(weekOrder(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });
  it('lists the Gulf zones', () => {
    expect(timeZones()).toContain('Asia/Kuwait');
  });
});
