import { describe, expect, it } from 'vitest';
import type { MyTraining } from '../../../contract/index.js';
import { nextSession } from './next-session.js';

type Item = MyTraining['nominations'][number];

const item = (id: string, status: Item['status'], startDate: string, endDate: string) =>
  ({ id, status, startDate, endDate }) as Item;

describe('next session', () => {
  it('is the earliest selected session not yet over', () => {
    const items = [
      item('past', 'selected', '2027-01-03', '2027-01-07'),
      item('later', 'selected', '2027-05-02', '2027-05-06'),
      item('waiting', 'waitlisted', '2027-03-07', '2027-03-11'),
      item('running', 'selected', '2027-03-28', '2027-04-01'),
    ];
    expect(nextSession(items, '2027-03-30')?.id).toBe('running');
    expect(nextSession(items, '2027-04-02')?.id).toBe('later');
    expect(nextSession(items, '2027-06-01')).toBeNull();
  });
});
