// The annual plan benchmark's generated years (bench/plan.mjs).
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
