import { CLEARANCE_LEVELS, type Prerequisites } from '../contract/catalogue.js';
import type { Eligibility, EligibilityLine, NominationStatus } from '../contract/nominations.js';
import { isRankInRange } from './ranks.js';

export type ClearanceLevel = (typeof CLEARANCE_LEVELS)[number];

/** Everything the rules look at, gathered by the caller: no rule reads the clock or the database. */
export interface EligibilityInput {
  person: {
    rankCode: string;
    languageProfiles: readonly { language: string; profile: string }[];
    clearanceLevel: ClearanceLevel;
    clearanceExpiresOn: string | null;
  };
  prerequisites: Prerequisites;
  sessionStartDate: string;
  sessionEndDate: string;
  /** The venue's local date. */
  today: string;
  /** The nomination window, both ends inclusive. */
  window: { opens: string; closes: string };
  releasable: boolean;
  completedActivityCodes: readonly string[];
  /** The person's other live nominations whose dates overlap this session's. */
  overlapping: readonly { sessionCode: string; status: NominationStatus }[];
}

/** STANAG 6001 profiles list the skills in this order, e.g. 3222. */
const SKILLS = ['listening', 'speaking', 'reading', 'writing'] as const;

type Outcome = EligibilityLine['outcome'];

function line(
  rule: EligibilityLine['rule'],
  outcome: Outcome,
  params: Record<string, string> = {},
): EligibilityLine {
  return { rule, outcome, params };
}

function clearanceRank(level: ClearanceLevel): number {
  return CLEARANCE_LEVELS.indexOf(level);
}

/** The skills of `held` below `minimum`, both STANAG 6001 profiles. */
function skillsBelow(held: string, minimum: string): string[] {
  return SKILLS.filter((_, i) => Number(held[i] ?? 0) < Number(minimum[i] ?? 0));
}

function languageLines(input: EligibilityInput): EligibilityLine[] {
  return input.prerequisites.languages.map(({ language, minimum }) => {
    const held = input.person.languageProfiles.filter((p) => p.language === language);
    if (held.length === 0) {
      return line('language', 'fail', {
        language,
        required: minimum,
        held: '',
        skills: SKILLS.join(','),
      });
    }
    // A person may hold several tested profiles in one language; the best one counts.
    const best = held
      .map((p) => ({ profile: p.profile, below: skillsBelow(p.profile, minimum) }))
      .reduce((a, b) => (b.below.length < a.below.length ? b : a));
    return line('language', best.below.length === 0 ? 'pass' : 'fail', {
      language,
      required: minimum,
      held: best.profile,
      skills: best.below.join(','),
    });
  });
}

function clearanceLines(input: EligibilityInput): EligibilityLine[] {
  const required = input.prerequisites.clearance;
  if (clearanceRank(required) <= clearanceRank('NONE')) return [];
  const held = input.person.clearanceLevel;
  if (clearanceRank(held) < clearanceRank(required)) {
    return [line('clearance', 'fail', { required, held })];
  }
  const expires = input.person.clearanceExpiresOn;
  const end = input.sessionEndDate;
  // The clearance must last the whole session; an unknown expiry is for a human to check.
  const expiry: Outcome = expires === null ? 'warn' : expires < end ? 'fail' : 'pass';
  return [
    line('clearance', 'pass', { required, held }),
    line('clearance-expiry', expiry, { expires: expires ?? '', end }),
  ];
}

function rankLines(input: EligibilityInput): EligibilityLine[] {
  const { rankMin, rankMax, civiliansAllowed } = input.prerequisites;
  const rank = input.person.rankCode;
  if (rank === 'CIV') {
    // The rank range says nothing about civilians: the civilian rule alone decides.
    return [line('civilian', civiliansAllowed ? 'pass' : 'fail')];
  }
  if (!rankMin && !rankMax) return [];
  const inRange = isRankInRange(rank, rankMin, rankMax);
  return [
    line('rank', inRange ? 'pass' : 'fail', { rank, min: rankMin ?? '', max: rankMax ?? '' }),
  ];
}

/**
 * Whether a person may be nominated to a session, with one line per rule that applies so the
 * reader sees why. Fails block submission (unless a registrar overrides); warnings do not.
 */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const { opens, closes } = input.window;
  const open = input.today >= opens && input.today <= closes;
  const extra = input.prerequisites.extra?.trim() ?? '';
  const lines: EligibilityLine[] = [
    line('window', open ? 'pass' : 'fail', { opens, closes }),
    line('releasability', input.releasable ? 'pass' : 'fail'),
    ...rankLines(input),
    ...languageLines(input),
    ...clearanceLines(input),
    ...input.prerequisites.courses.map((course) =>
      line('prerequisite', input.completedActivityCodes.includes(course) ? 'pass' : 'fail', {
        course,
      }),
    ),
    ...(extra ? [line('extra', 'warn', { text: extra })] : []),
    // Being selected elsewhere at the same time is a clash; a pending nomination may still fall away.
    ...input.overlapping.map((o) =>
      line('overlap', o.status === 'selected' ? 'fail' : 'warn', {
        session: o.sessionCode,
        status: o.status,
      }),
    ),
  ];
  return { lines, eligible: lines.every((l) => l.outcome !== 'fail') };
}

/** The lines that block a nomination. */
export function hardFailures(e: Eligibility): EligibilityLine[] {
  return e.lines.filter((l) => l.outcome === 'fail');
}

/** The lines a human should look at but that do not block. */
export function warnings(e: Eligibility): EligibilityLine[] {
  return e.lines.filter((l) => l.outcome === 'warn');
}
