import type { Releasability } from '../../contract/catalogue.js';
import type { Quota, SessionInput, SessionStatus, VenueInput } from '../../contract/sessions.js';
import { isReleasableTo } from '../../domain/releasability.js';
import { addDays, workingDaysBetween } from '../../domain/venue-calendar.js';
import { afterRamadan, ramadanOverlaps } from './venues.js';

export interface PlannedActivity {
  code: string;
  durationDays: number;
  delivery: string;
  providerCode: string;
  releasability: Releasability;
  defaultCapacity: number;
}

export interface PlannedSession {
  input: SessionInput;
  /** The state to walk the session to after creation. */
  status: SessionStatus;
  /**
   * Which course team (a director and an instructor) runs it: 0 is the demo's own director and
   * instructor accounts, higher numbers visiting teams. No team runs two sessions at once.
   */
  team: number;
}

/** The path through the life cycle to each demo state. */
export const PATH_TO: Record<SessionStatus, SessionStatus[]> = {
  draft: [],
  announced: ['announced'],
  'nominations-closed': ['announced', 'nominations-closed'],
  confirmed: ['announced', 'nominations-closed', 'confirmed'],
  'in-progress': ['announced', 'nominations-closed', 'confirmed', 'in-progress'],
  completed: ['announced', 'nominations-closed', 'confirmed', 'in-progress', 'completed'],
  cancelled: ['cancelled'],
};

const QUOTA_NATIONS: Quota[] = [
  { nationCode: 'KWT', seats: 4 },
  { nationCode: 'BHR', seats: 3 },
  { nationCode: 'QAT', seats: 3 },
  { nationCode: 'ARE', seats: 3 },
  { nationCode: 'SAU', seats: 2 },
  { nationCode: 'OMN', seats: 2 },
];

/**
 * The Gulf security dialogue's programme as far as a session records it: its speakers and the
 * delegation it receives, in the session's notes. Kept as data so that speakers and rooms can
 * move to records of their own.
 */
export const DIALOGUE_NOTES: Record<string, string> = {
  'DLG-GULF': [
    'Speakers: H.E. the Deputy Secretary General for Political Affairs (opening address);',
    'Amb. Layla Al-Hashemi, Kuwait Ministry of Foreign Affairs (Gulf maritime security);',
    'Prof. Daniel Weiss, NATO Defense College (deterrence and partnership);',
    'Brig. Gen. Saud Al-Mutairi, Kuwait Armed Forces (energy infrastructure protection).',
    'VIP delegation: the Secretary General of the Gulf Cooperation Council and five',
    'ambassadors of Allied nations accredited to Kuwait, received on the first morning.',
  ].join(' '),
};

/** Mobile training teams of the demo that travel to Iraq and Jordan. */
const MTT_VENUES: Record<string, string> = {
  'CIRT-ADV': 'BGW',
  'CBRN-FR-TTT': 'AMM',
  MIO: 'AMM',
  'LL-SO': 'BGW',
};

function venueFor(activity: PlannedActivity): string {
  if (MTT_VENUES[activity.code]) return MTT_VENUES[activity.code] as string;
  if (activity.delivery === 'online') return 'ONLINE';
  if (activity.providerCode === 'NSO' && activity.delivery === 'residential') return 'OBERAMMERGAU';
  return 'KWI-NIRC';
}

/**
 * Sessions of the demo centre placed around `today`: completed ones over the last three years,
 * one in progress, several open for nominations (one closing within a week), some with
 * nominations closed or confirmed, and next year's plan. Dates follow each venue's week.
 */
export function planDemoSessions(
  today: string,
  activities: PlannedActivity[],
  venues: VenueInput[],
  nations: { code: string; frameworkCode: string }[],
): PlannedSession[] {
  const venueByCode = new Map(venues.map((v) => [v.code, v]));
  const frameworkOf = new Map(nations.map((n) => [n.code, n.frameworkCode]));
  const plans: PlannedSession[] = [];
  const letters = new Map<string, number>();

  const place = (
    activity: PlannedActivity,
    target: string,
    status: SessionStatus,
    align: 'forward' | 'backward' = 'forward',
  ) => {
    const venue = venueByCode.get(venueFor(activity)) as VenueInput;
    const holidays = venue.holidays ?? [];
    const isWorking = (day: string) =>
      workingDaysBetween(day, day, venue.workingDays, holidays).length === 1;
    const keepsRamadan = ['KWT', 'IRQ', 'JOR'].includes(venue.countryCode ?? '');
    const span = (from: string) => {
      let first = from;
      while (!isWorking(first)) first = addDays(first, align === 'forward' ? 1 : -1);
      const days = workingDaysBetween(
        first,
        addDays(first, activity.durationDays * 2 + 21),
        venue.workingDays,
        holidays,
      );
      return { start: first, end: days[activity.durationDays - 1] ?? first };
    };
    let { start, end } = span(target);
    // No course in Ramadan or its Eid at the venues that keep it: the course moves after it.
    for (let guard = 0; keepsRamadan && ramadanOverlaps(start, end) && guard < 3; guard++) {
      ({ start, end } = span(afterRamadan(start, end)));
    }
    // A completed session ended at least a few days ago, so its results and certificates could follow.
    for (let guard = 0; status === 'completed' && end > addDays(today, -5) && guard < 10; guard++) {
      ({ start, end } = span(addDays(start, -(activity.durationDays * 2 + 14))));
      for (let g = 0; keepsRamadan && ramadanOverlaps(start, end) && g < 3; g++) {
        ({ start, end } = span(addDays(start, -45)));
      }
    }
    const year = start.slice(2, 4);
    const key = `${activity.code}-${year}`;
    const letter = String.fromCharCode(65 + (letters.get(key) ?? 0));
    letters.set(key, (letters.get(key) ?? 0) + 1);
    // A mobile training team teaches the host nation's officers at home.
    const host = venue.kind === 'city' && venue.countryCode !== 'DEU' ? venue.countryCode : null;
    const quotas = host
      ? [{ nationCode: host, seats: Math.min(16, activity.defaultCapacity) }]
      : QUOTA_NATIONS.filter((q) =>
          isReleasableTo(activity.releasability, {
            code: q.nationCode,
            frameworkCode: frameworkOf.get(q.nationCode) ?? '',
          }),
        );
    const closes =
      status === 'announced' || status === 'draft' ? addDays(start, -14) : addDays(start, -21);
    plans.push({
      status,
      team: 0,
      input: {
        code: `${activity.code}-${letter}-${year}`,
        activityCode: activity.code,
        startDate: start,
        endDate: end,
        venueCode: venue.code,
        capacity: activity.defaultCapacity,
        nominationOpens: addDays(start, -90),
        nominationCloses: closes,
        // Four weeks before the start, but never after the window closes.
        quotaReleaseOn: [addDays(start, -28), closes].sort()[0] ?? closes,
        quotas,
        hostNationCode: host,
        directorId: null,
        instructorIds: [],
        language: 'en',
        notes: DIALOGUE_NOTES[activity.code] ?? null,
        joiningInstructions: {
          en: `Report to ${venue.name.en} at 08:00 local time on the first day. Dress: service uniform. Bring your passport and the confirmation letter.`,
          ...(venue.name.ar
            ? {
                ar: `يرجى الحضور إلى ${venue.name.ar} الساعة الثامنة صباحًا بالتوقيت المحلي في اليوم الأول. اللباس: الزي العسكري. أحضر جواز سفرك وخطاب التأكيد.`,
              }
            : {}),
        },
      },
    });
  };

  // About one course a month over the last three years, each course in turn, so that every
  // season has its sessions and each course has run once to three times.
  const slots = 36;
  for (let k = 0; k < slots; k++) {
    const activity = activities[(k * 7) % activities.length] as PlannedActivity;
    place(activity, addDays(today, -1040 + k * 28 + ((k * 11) % 9)), 'completed');
  }
  const byCode = new Map(activities.map((a) => [a.code, a]));
  const pick = (code: string) => byCode.get(code) ?? activities[0];
  // Running now at the centre, on Kuwait's Sunday-Thursday week.
  const current = pick('CBRN-ICC') as PlannedActivity;
  place(
    current,
    inProgressStart(today, current, venueByCode.get(venueFor(current)) as VenueInput),
    'in-progress',
    'backward',
  );
  // Open for nominations: the first closes within a week, so "My nation" has something urgent.
  place(pick('CYB-AWR') as PlannedActivity, addDays(today, 19), 'announced');
  place(pick('CEIP') as PlannedActivity, addDays(today, 40), 'announced');
  place(pick('CIRT-ADV') as PlannedActivity, addDays(today, 55), 'announced');
  place(pick('CBRN-AFR') as PlannedActivity, addDays(today, 62), 'announced');
  place(pick('ESSAC') as PlannedActivity, addDays(today, 75), 'announced');
  place(pick('DLG-GULF') as PlannedActivity, addDays(today, 33), 'announced');
  place(pick('LL-SO') as PlannedActivity, addDays(today, 12), 'nominations-closed');
  place(pick('MSA') as PlannedActivity, addDays(today, 16), 'confirmed');
  // Next year's plan.
  for (const [k, code] of [
    'CBRN-FR-TTT',
    'MIO',
    'MARSEC-MTT',
    'CEI-TTX',
    'ETE-SP-31399',
  ].entries()) {
    place(
      pick(code) as PlannedActivity,
      addDays(today, 200 + k * 30),
      k < 2 ? 'draft' : 'announced',
    );
  }
  return withTeams(plans);
}

/**
 * A team can be in one place at a time: each session goes to the first team free on its dates,
 * the one running now first (it is the demo director's), then in date order.
 */
function withTeams(plans: PlannedSession[], teams = 4): PlannedSession[] {
  const busy: { start: string; end: string }[][] = Array.from({ length: teams }, () => []);
  const order = [...plans].sort(
    (a, b) =>
      Number(b.status === 'in-progress') - Number(a.status === 'in-progress') ||
      a.input.startDate.localeCompare(b.input.startDate),
  );
  for (const [index, plan] of order.entries()) {
    const { startDate: start, endDate: end } = plan.input;
    const free = busy
      .map((held, team) => ({ team, held }))
      .filter(({ held }) => !held.some((b) => b.start <= end && b.end >= start))
      // The one running now is the demo director's; then whoever has run the fewest.
      .sort((a, b) =>
        index === 0 ? a.team - b.team : a.held.length - b.held.length || a.team - b.team,
      );
    const team = free[0]?.team ?? busy.push([]) - 1;
    busy[team]?.push({ start, end });
    plan.team = team;
  }
  return plans;
}
/** A start so that the session is running today, counted in the venue's working days. */
function inProgressStart(today: string, activity: PlannedActivity, venue: VenueInput): string {
  for (let back = 1; back < 21; back++) {
    const start = addDays(today, -back);
    const days = workingDaysBetween(
      start,
      addDays(start, activity.durationDays * 2 + 21),
      venue.workingDays,
      venue.holidays ?? [],
    );
    if (days[0] === start && (days[activity.durationDays - 1] ?? '') >= today) return start;
  }
  return addDays(today, -1);
}
