import type { Releasability } from '../../../contract/catalogue.js';
import type { LocalizedText } from '../../../contract/common.js';
import type { SessionInput, VenueInput } from '../../../contract/sessions.js';
import type { Database } from '../../db/client.js';
import { activities, disciplines, institutions } from '../../db/schema/index.js';
import { systemContext } from '../context.js';
import { createVenue } from '../venues/service.js';

/** Kuwait's centre: Sunday-Thursday week, Asia/Kuwait, one holiday in March 2027. */
export const KUWAIT: VenueInput = {
  code: 'KWI-NIRC',
  name: { en: 'NATO-ICI Regional Centre', ar: 'المركز الإقليمي' },
  kind: 'centre',
  city: 'Kuwait City',
  countryCode: 'KWT',
  timeZone: 'Asia/Kuwait',
  workingDays: [0, 1, 2, 3, 4],
  holidays: [{ date: '2027-03-10', name: { en: 'Eid al-Fitr' } }],
};

export const ROME: VenueInput = {
  code: 'ROM-NDC',
  name: { en: 'NATO Defense College' },
  kind: 'city',
  city: 'Rome',
  countryCode: 'ITA',
  timeZone: 'Europe/Rome',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};

/** The catalogue's fixed rows a session needs: a discipline, a provider and two venues. */
export async function seedSessionBasics(db: Database): Promise<void> {
  await db.insert(disciplines).values({ code: 'CT', name: { en: 'Counter-terrorism' } });
  await db.insert(institutions).values({
    code: 'NIRC',
    name: { en: 'NATO-ICI Regional Centre' },
    countryCode: 'KWT',
    host: true,
  });
  await db.transaction(async (tx) => {
    await createVenue(systemContext(tx, 'seed'), KUWAIT);
    await createVenue(systemContext(tx, 'seed'), ROME);
  });
}

/**
 * An activity inserted directly (the catalogue service is someone else's), with the
 * denormalised releasable_* columns kept consistent with `releasability`.
 */
export async function makeActivity(
  db: Database,
  code: string,
  options: { title?: LocalizedText; releasability?: Partial<Releasability>; status?: string } = {},
): Promise<string> {
  const releasability: Releasability = {
    all: false,
    frameworks: [],
    nations: [],
    ...(options.releasability ?? { all: true }),
  };
  const [row] = await db
    .insert(activities)
    .values({
      code,
      type: 'course',
      title: options.title ?? { en: `Course ${code}` },
      disciplineCode: 'CT',
      providerCode: 'NIRC',
      delivery: 'residential',
      durationDays: 5,
      prerequisites: {
        rankMin: null,
        rankMax: null,
        civiliansAllowed: true,
        languages: [],
        clearance: 'NONE',
        courses: [],
        extra: null,
      },
      classification: 'NATO UNCLASSIFIED',
      releasability,
      releasableToAll: releasability.all,
      releasableFrameworks: releasability.frameworks,
      releasableNations: releasability.nations,
      evaluationLevels: [1],
      defaultCapacity: 24,
      status: options.status ?? 'active',
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity insert returned nothing');
  return row.id;
}

/** A valid session input in Kuwait, March 2027; override what a test is about. */
export function sessionInput(
  code: string,
  activityCode: string,
  overrides: Partial<SessionInput> = {},
): SessionInput {
  return {
    code,
    activityCode,
    startDate: '2027-03-07',
    endDate: '2027-03-11',
    venueCode: 'KWI-NIRC',
    capacity: 20,
    nominationOpens: '2027-01-10',
    nominationCloses: '2027-02-10',
    quotas: [
      { nationCode: 'KWT', seats: 4 },
      { nationCode: 'QAT', seats: 3 },
    ],
    ...overrides,
  };
}
