import type { Quota, Seats } from '../contract/sessions.js';
import type { FieldProblem } from './field-problem.js';

/** Capacity, the sum of nation quotas, the open pool (the rest), seats taken and left. */
export function seatsOf(capacity: number, quotas: readonly Quota[], taken: number): Seats {
  const quotaTotal = quotas.reduce((sum, q) => sum + q.seats, 0);
  return {
    capacity,
    quotaTotal,
    pool: Math.max(0, capacity - quotaTotal),
    taken,
    left: Math.max(0, capacity - taken),
  };
}

/** Seats already given: per nation from its quota, and from the open pool. */
export interface SeatUsage {
  quotaTaken: ReadonlyMap<string, number>;
  poolTaken: number;
}

const NO_USAGE: SeatUsage = { quotaTaken: new Map(), poolTaken: 0 };

/**
 * What is wrong with a capacity and its quotas: quotas over capacity, a nation twice, a
 * capacity below the seats already given, or a quota or pool shrunk below what it has given.
 */
export function quotaProblems(
  capacity: number,
  quotas: readonly Quota[],
  taken: number,
  usage: SeatUsage = NO_USAGE,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  quotas.forEach((q, index) => {
    if (seen.has(q.nationCode)) {
      problems.push({
        field: `quotas.${index}.nationCode`,
        message: `${q.nationCode} has two quotas`,
        code: 'duplicate_quota',
      });
    }
    seen.add(q.nationCode);
  });
  const total = quotas.reduce((sum, q) => sum + q.seats, 0);
  if (total > capacity) {
    problems.push({
      field: 'quotas',
      message: `the quotas add up to ${total}, more than the capacity of ${capacity}`,
      code: 'quotas_over_capacity',
    });
  }
  quotas.forEach((q, index) => {
    const given = usage.quotaTaken.get(q.nationCode) ?? 0;
    if (q.seats < given) {
      problems.push({
        field: `quotas.${index}.seats`,
        message: `${given} seats of ${q.nationCode}'s quota are already given; it cannot be less`,
        code: 'quota_below_taken',
      });
    }
  });
  for (const [nationCode, given] of usage.quotaTaken) {
    if (given > 0 && !seen.has(nationCode)) {
      problems.push({
        field: 'quotas',
        message: `${given} seats of ${nationCode}'s quota are already given; the quota cannot be removed`,
        code: 'quota_below_taken',
      });
    }
  }
  if (total <= capacity && capacity - total < usage.poolTaken) {
    problems.push({
      field: 'quotas',
      message: `${usage.poolTaken} seats of the open pool are already given; the quotas leave only ${capacity - total}`,
      code: 'pool_below_taken',
    });
  }
  if (capacity < taken) {
    problems.push({
      field: 'capacity',
      message: `${taken} seats are already given; the capacity cannot be less`,
      code: 'capacity_below_taken',
    });
  }
  return problems;
}
