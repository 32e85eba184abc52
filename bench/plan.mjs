// Annual plan benchmark: a centre-sized year (the demo centre's shape) and an alliance-sized
// generated year (1,400 courses, 60 nations, 30 venues, 300 staff) planned by the HiGHS MIP:
// time to the first feasible plan, to the final plan, and the weighted seats met as a share of
// the solver's proven bound. Figures go to docs/benchmarks.md.
import { importServer, median, writeSection } from './lib.mjs';
import { generateYear } from './plan-data.mjs';

const RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 3);
const LIMIT = Number(process.env.BENCH_PLAN_SECONDS ?? 55);
const YEAR = 2027;

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

const only = process.env.BENCH_PLAN_ONLY;
const rows = [];
for (const c of cases.filter((x) => !only || x.name.startsWith(only))) {
  const input = generateYear(c.shape);
  for (const v of input.venues) v.blackout = blackout;
  const times = [];
  const firsts = [];
  let last;
  for (let run = 0; run < RUNS; run += 1) {
    const report = await proposePlan(input, {
      timeLimitSeconds: LIMIT,
      mipGap: 0.01,
      maxColumns: Number(process.env.BENCH_PLAN_COLUMNS ?? 40_000),
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

The centre year is one MIP and its bound is HiGHS's proven dual bound. The alliance year is
too large for one MIP in WebAssembly within the limit, so it is solved in parts: the courses
that share a scarce room (the online venue's, each host nation's) first, all disciplines
together, then the centre's courses by discipline, each part seeing the runs of the parts before
as fixed and getting the time left in proportion to its size. Its bound is the optimum of the
whole year with its weeks summed away (docs/planning.md: rooms, people, runs and gaps counted per
year, a run holding at most the seats asked of it), a relaxation solved as an LP, so the share
is a lower estimate of how close the plan is to the best one. "First feasible" is the time until
every part has its greedy start (the whole model and the bound built first, each part built and
read), a feasible year before HiGHS improves any part.
`;
writeSection('## Annual plan', section);
console.log(section);
