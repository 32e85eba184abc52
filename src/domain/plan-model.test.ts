import { describe, expect, it } from 'vitest';
import { buildPlanModel, type PlanInput, type PlanVenue, priorityWeight } from './plan-model.js';
import { readPlan } from './plan-read.js';
import { greedyStart } from './plan-start.js';

const centre: PlanVenue = {
  code: 'CTR',
  kind: 'centre',
  countryCode: null,
  workingDays: [0, 1, 2, 3, 4],
  holidays: new Set(),
  blackout: new Set(),
  rooms: 1,
};
const base: PlanInput = {
  year: 2027,
  activities: [
    {
      id: 'a',
      code: 'A',
      durationDays: 5,
      capacity: 10,
      delivery: 'residential',
      disciplineCode: 'D',
      staff: ['s1'],
    },
  ],
  venues: [centre],
  demand: [
    { lineId: 'l1', programmeId: 'p1', nationCode: 'KWT', activityId: 'a', seats: 6, priority: 1 },
    { lineId: 'l2', programmeId: 'p2', nationCode: 'QAT', activityId: 'a', seats: 6, priority: 3 },
  ],
  fixed: [],
};

describe('priorityWeight', () => {
  it.each([
    [1, 3],
    [2, 2],
    [3, 1],
    [9, 1],
  ])('priority %i weighs %i', (p, w) => {
    expect(priorityWeight(p)).toBe(w);
  });
});

describe('buildPlanModel', () => {
  it('offers one start per free week, at most the runs the seats need', () => {
    const model = buildPlanModel(base);
    const runs = model.columns.filter((c) => c.kind === 'run');
    expect(runs.length).toBeGreaterThan(40);
    expect(model.columns.filter((c) => c.kind === 'cover')).toHaveLength(2);
  });

  it.each([
    ['no staff', { staff: [] }, 'no-staff'],
    [
      'a mobile team with no venue in the nation',
      { delivery: 'mobile-training-team' as const },
      'no-venue',
    ],
  ])('explains demand blocked by %s', (_name, change, reason) => {
    const model = buildPlanModel({
      ...base,
      activities: [{ ...(base.activities[0] as PlanInput['activities'][number]), ...change }],
    });
    expect(model.blocked.get('0|KWT')).toBe(reason);
  });

  it('a year closed every week leaves no free week', () => {
    const closed = { ...centre, workingDays: [] };
    expect(buildPlanModel({ ...base, venues: [closed] }).blocked.get('0|KWT')).toBe('no-free-week');
  });

  it('reports two fixed sessions in one room the same week', () => {
    const run = {
      activityId: 'a',
      venueCode: 'CTR',
      startDate: '2027-03-07',
      endDate: '2027-03-11',
      capacity: 10,
      staff: ['s1'],
      quotas: {},
    };
    const model = buildPlanModel({
      ...base,
      fixed: [
        { ...run, key: 'f1' },
        { ...run, key: 'f2' },
      ],
    });
    expect(model.conflicts.map((c) => c.kind).sort()).toEqual([
      'staff-double-booked',
      'venue-double-booked',
    ]);
  });
});

describe('readPlan', () => {
  it('gives the higher priority its seats first and says why the rest is unmet', () => {
    const model = buildPlanModel(base);
    const values = new Float64Array(model.columns.length);
    model.columns.forEach((c, i) => {
      if (c.kind === 'run' && c.slot.week === 10) values[i] = 1;
      if (c.kind === 'lead' && c.week === 10) values[i] = 1;
      if (c.kind === 'cover') values[i] = c.nation === 'KWT' ? 6 : 4;
    });
    const plan = readPlan(base, model, values);
    expect(plan.runs).toHaveLength(1);
    expect(plan.runs[0]).toMatchObject({ directorId: 's1', quotas: { KWT: 6, QAT: 4 } });
    expect(plan.unmet).toEqual([
      expect.objectContaining({ lineId: 'l2', seats: 2, reason: 'no-capacity' }),
    ]);
    expect(plan.score).toBe(6 * 3 + 4);
  });
});

describe('greedyStart', () => {
  it('is a feasible plan: every row within its bounds, each run with a lead', () => {
    const model = buildPlanModel(base);
    const values = greedyStart(model);
    for (let r = 0; r + 1 < model.starts.length; r += 1) {
      let sum = 0;
      for (let k = model.starts[r] ?? 0; k < (model.starts[r + 1] ?? 0); k += 1) {
        sum += (model.values[k] ?? 0) * (values[model.indices[k] ?? 0] ?? 0);
      }
      expect(sum).toBeGreaterThanOrEqual((model.rowLower[r] ?? 0) - 1e-9);
      expect(sum).toBeLessThanOrEqual((model.rowUpper[r] ?? 0) + 1e-9);
    }
    const plan = readPlan(base, model, values);
    expect(plan.seatsMet).toBe(12);
  });
});
