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

/**
 * What is wrong with a capacity and its quotas: quotas over capacity, a nation twice, or a
 * capacity below the seats already given.
 */
export function quotaProblems(
  capacity: number,
  quotas: readonly Quota[],
  taken: number,
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
  if (capacity < taken) {
    problems.push({
      field: 'capacity',
      message: `${taken} seats are already given; the capacity cannot be less`,
      code: 'capacity_below_taken',
    });
  }
  return problems;
}
