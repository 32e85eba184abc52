// Annual plan benchmark: a centre-sized year (the demo centre's shape) and an alliance-sized
// generated year (1,400 courses, 60 nations, 30 venues, 300 staff) planned by the HiGHS MIP:
// time to the first feasible plan, to the final plan, and the weighted seats met as a share of
// the solver's proven bound. Figures go to docs/benchmarks.md.
import { importServer, median, writeSection } from './lib.mjs';

const RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 3);
const LIMIT = Number(process.env.BENCH_PLAN_SECONDS ?? 55);
const YEAR = 2027;

/** A small deterministic generator, so every run plans the same year. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A generated year: activities by discipline, their staff, venues, nations' planned seats. */
export function generateYear({ activities, nations, venues, staff, disciplines, seed }) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const nationCodes = Array.from({ length: nations }, (_, i) => `N${String(i).padStart(2, '0')}`);
  const venueList = Array.from({ length: venues }, (_, i) => {
    const kind = i < Math.ceil(venues / 3) ? 'centre' : i === venues - 1 ? 'online' : 'city';
    const gulf = i % 2 === 0;
    return {
      code: `V${i}`,
      kind,
      countryCode: kind === 'city' ? nationCodes[i % nations] : null,
      workingDays: gulf ? [0, 1, 2, 3, 4] : [1, 2, 3, 4, 5],
      holidays: new Set(gulf ? [`${YEAR}-02-25`, `${YEAR}-02-26`] : [`${YEAR}-12-25`]),
      blackout: new Set(),
      rooms: kind === 'centre' ? 4 : 1,
    };
  });
  const staffIds = Array.from({ length: staff }, (_, i) => `S${i}`);
  const list = Array.from({ length: activities }, (_, i) => {
    const discipline = `D${i % disciplines}`;
    const pool = staffIds.filter((_, s) => s % disciplines === i % disciplines);
    const r = rnd();
    return {
      id: `A${i}`,
      code: `A-${i}`,
      durationDays: pick([3, 5, 5, 5, 10]),
      capacity: pick([16, 20, 24, 30]),
      delivery: r < 0.7 ? 'residential' : r < 0.9 ? 'mobile-training-team' : 'online',
      disciplineCode: discipline,
      staff: [pick(pool), pick(pool), pick(pool)].filter((s, k, xs) => s && xs.indexOf(s) === k),
    };
  });
  const demand = [];
  for (const a of list) {
    const askers = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < askers; k += 1) {
      demand.push({
        lineId: `L${demand.length}`,
        programmeId: `P-${k}`,
        nationCode: pick(nationCodes),
        activityId: a.id,
        seats: 2 + Math.floor(rnd() * 6),
        priority: 1 + Math.floor(rnd() * 3),
      });
    }
  }
  return { year: YEAR, activities: list, venues: venueList, demand, fixed: [] };
}

const { proposePlan } = await importServer('src/server/features/plans/solve.ts');
const { islamicHolidays, daysOf } = await importServer('src/domain/hijri-holidays.ts');
const blackout = daysOf(islamicHolidays(YEAR));

const cases = [
  {
    name: 'centre (demo-sized: 24 courses, 6 nations, 3 venues, 12 staff)',
    shape: { activities: 24, nations: 6, venues: 3, staff: 12, disciplines: 6, seed: 7 },
  },
  {
    name: 'alliance (1,400 courses, 60 nations, 30 venues, 300 staff)',
    shape: { activities: 1400, nations: 60, venues: 30, staff: 300, disciplines: 12, seed: 11 },
  },
];

const rows = [];
for (const c of cases) {
  const input = generateYear(c.shape);
  for (const v of input.venues) v.blackout = blackout;
  const times = [];
  const firsts = [];
  let last;
  for (let run = 0; run < RUNS; run += 1) {
    const report = await proposePlan(input, {
      timeLimitSeconds: LIMIT,
      mipGap: 0.01,
      maxColumns: Number(process.env.BENCH_PLAN_COLUMNS ?? 15_000),
    });
    times.push(report.solveMs);
    if (report.firstFeasibleMs !== null) firsts.push(report.firstFeasibleMs);
    last = report;
    console.log(
      `${c.name}: ${report.method} (${report.parts} part(s), ${report.columns} variables) ` +
        `${(report.solveMs / 1000).toFixed(1)} s, score ${report.score} of bound ${report.bound.toFixed(1)}`,
    );
  }
  rows.push({
    name: c.name,
    lines: input.demand.length,
    seats: last.seatsDemanded,
    method: `${last.method}${last.parts > 1 ? ` (${last.parts} parts)` : ''}, ${last.columns.toLocaleString('en')} variables, ${last.status}`,
    first: firsts.length ? median(firsts) / 1000 : null,
    final: median(times) / 1000,
    runs: last.runs.length,
    met: last.seatsMet,
    share: last.bound > 0 ? last.score / last.bound : 1,
  });
}

const section = `## Annual plan (\`npm run bench:plan\`)

Measured ${new Date().toISOString().slice(0, 10)} on this machine (Node ${process.version}, one
thread: HiGHS in WebAssembly is single-threaded), median of ${RUNS} runs, time limit ${LIMIT} s,
MIP gap 1%. The baseline is the solver's own proven bound on the weighted seats any plan could
meet (docs/planning.md); "share" is the plan's weighted seats over that bound. Both years are
generated (fixed seed) with Ramadan and the Eids of ${YEAR} closed; the demo's own programmes
plan too few seats for a timing.

| year | planned lines | seats asked | how solved | first feasible | final plan | runs proposed | seats met | share of bound |
|---|---|---|---|---|---|---|---|---|
${rows
  .map(
    (r) =>
      `| ${r.name} | ${r.lines.toLocaleString('en')} | ${r.seats.toLocaleString('en')} | ${r.method} | ${r.first === null ? 'n/a' : `${r.first.toFixed(2)} s`} | ${r.final.toFixed(2)} s | ${r.runs.toLocaleString('en')} | ${r.met.toLocaleString('en')} | ${(r.share * 100).toFixed(1)}% |`,
  )
  .join('\n')}

The alliance year is too large for one MIP in WebAssembly within the limit, so it is solved
one discipline at a time (each part sees the runs of the parts before as fixed); its bound is the
sum of each part's LP relaxation with every room and person free, a relaxation of the whole
year, so the share is a true lower estimate of how close the plan is to the best one.
`;
writeSection('## Annual plan', section);
console.log(section);
