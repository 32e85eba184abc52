import type { ActivityInput, ActivityType, Releasability } from '../../contract/catalogue.js';
import type { LocalizedText } from '../../contract/common.js';
import { rulesOfType } from '../../domain/activity-kinds.js';
import { createActivity, createDiscipline } from '../features/catalogue/service.js';
import type { ServiceContext } from '../features/context.js';
import { createSession, transitionSession } from '../features/sessions/service.js';
import { createVenue } from '../features/venues/service.js';
import centre from './centre.json' with { type: 'json' };
import { PATH_TO, planDemoSessions } from './session-plan.js';
import { type DemoTeam, demoTeams } from './teams.js';
import { DEMO_TITLES } from './titles.js';
import { DEMO_VENUES } from './venues.js';

/** Who may see each demo course; the rest are released to all partners. */
const RELEASABILITY: Record<string, Releasability> = {
  'DLG-GULF': { all: false, frameworks: ['ICI'], nations: ['SAU', 'OMN'] },
  'CBRN-AFR': { all: false, frameworks: ['MD'], nations: ['QAT'] },
  'CIRT-ADV': { all: false, frameworks: ['PATG'], nations: ['JOR'] },
  'CEI-TTX': { all: false, frameworks: ['ICI'], nations: [] },
};

type Course = (typeof centre.courses)[number] & {
  slp?: Record<string, string>;
  ranks?: string[];
  clearance?: string;
  feeEur?: number;
};

function activityOf(course: Course): ActivityInput {
  const [rankRange] = course.ranks ?? [];
  const [rankMin, rankMax] = rankRange ? rankRange.split('..') : [null, null];
  return {
    code: course.code,
    type: course.type as ActivityInput['type'],
    title: { en: course.title, ...DEMO_TITLES[course.code] } as LocalizedText,
    description:
      'note' in course && course.note ? { en: `${course.title}. ${course.note}.` } : null,
    disciplineCode: course.discipline,
    providerCode: course.provider,
    delivery: course.delivery as ActivityInput['delivery'],
    durationDays: course.durationDays,
    language: 'en',
    prerequisites: {
      rankMin: rankMin ?? null,
      rankMax: rankMax ?? null,
      civiliansAllowed: true,
      languages: Object.entries(course.slp ?? {}).map(([language, minimum]) => ({
        language,
        minimum,
      })),
      clearance: (course.clearance ?? 'NONE') as 'NONE',
      courses: [],
      extra: null,
    },
    releasability: RELEASABILITY[course.code] ?? { all: true, frameworks: [], nations: [] },
    // What the activity's kind allows of levels 1 and 2 (a dialogue event has no test).
    evaluationLevels: [1, 2].filter((l) =>
      rulesOfType(course.type as ActivityType).evaluationLevels.includes(l),
    ),
    defaultCapacity: course.durationDays > 20 ? 30 : 24,
    fee: course.feeEur ? { amount: course.feeEur, currency: 'EUR' } : null,
    status: 'active',
    // The centre advertises what any partner may attend; courses restricted to some are not.
    publicCatalogue: !RELEASABILITY[course.code],
  };
}

/**
 * The catalogue part of the demo: disciplines, every course of the demo centre, venues, and
 * sessions placed around `today` (completed, running, open, closed, next year's plan).
 */
export async function loadDemoCatalogue(
  ctx: ServiceContext,
  today: string,
  ownTeam: DemoTeam,
  password: string,
): Promise<void> {
  for (const d of centre.disciplines) await createDiscipline(ctx, { code: d.code, name: d.name });
  const activities = (centre.courses as Course[]).map(activityOf);
  for (const activity of activities) await createActivity(ctx, activity);
  for (const venue of DEMO_VENUES) await createVenue(ctx, venue);
  const nations = centre.nations.map((n) => ({ code: n.iso3, frameworkCode: n.framework }));
  const planned = planDemoSessions(
    today,
    activities.map((a) => ({
      code: a.code,
      durationDays: a.durationDays,
      delivery: a.delivery,
      providerCode: a.providerCode,
      releasability: a.releasability as Releasability,
      defaultCapacity: a.defaultCapacity ?? 24,
    })),
    DEMO_VENUES,
    nations,
  );
  const teams = await demoTeams(
    ctx,
    ownTeam,
    1 + Math.max(...planned.map((p) => p.team)),
    password,
  );
  for (const plan of planned) {
    const team = teams[plan.team] as DemoTeam;
    await createSession(ctx, {
      ...plan.input,
      directorId: team.directorId,
      instructorIds: team.instructorIds,
    });
    for (const to of PATH_TO[plan.status]) await transitionSession(ctx, plan.input.code, { to });
  }
}
