import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../contract/common.js';
import type { ProgrammeInput } from '../../contract/programmes.js';
import type { Tx } from '../db/client.js';
import { activities, nominations, sessionQuotas, trainingSessions } from '../db/schema/index.js';
import { systemContext } from '../features/context.js';
import { createProgramme, transitionProgramme } from '../features/programmes/service.js';

const START = 2026;
const END = 2029;

const OBJECTIVES: { title: LocalizedText; goals: LocalizedText[] }[] = [
  {
    title: {
      en: 'Interoperable armed forces',
      fr: 'Des forces armées interopérables',
      ar: 'قوات مسلحة قابلة للتشغيل البيني',
    },
    goals: [
      {
        en: 'Staff officers trained in NATO planning',
        fr: 'Officiers d’état-major formés à la planification OTAN',
        ar: 'ضباط أركان مدربون على تخطيط الناتو',
      },
      {
        en: 'A pool of instructors for national courses',
        fr: 'Un vivier d’instructeurs pour les cours nationaux',
        ar: 'مجموعة من المدربين للدورات الوطنية',
      },
    ],
  },
  {
    title: {
      en: 'Resilience against shared threats',
      fr: 'Résilience face aux menaces communes',
      ar: 'الصمود في مواجهة التهديدات المشتركة',
    },
    goals: [
      {
        en: 'Counter-terrorism and CBRN specialists',
        fr: 'Spécialistes du contre-terrorisme et NRBC',
        ar: 'متخصصون في مكافحة الإرهاب والدفاع الكيميائي والبيولوجي والإشعاعي والنووي',
      },
      {
        en: 'Cyber and energy security experts',
        fr: 'Experts en cybersécurité et sécurité énergétique',
        ar: 'خبراء في الأمن السيبراني وأمن الطاقة',
      },
      {
        en: 'Maritime security officers',
        fr: 'Officiers de sûreté maritime',
        ar: 'ضباط الأمن البحري',
      },
    ],
  },
];

const TITLES: Record<string, LocalizedText> = {
  KWT: {
    en: 'Kuwait–NATO programme 2026–2029',
    fr: 'Programme Koweït–OTAN 2026–2029',
    ar: 'برنامج الكويت والناتو 2026–2029',
  },
  BHR: {
    en: 'Bahrain–NATO programme 2026–2029',
    fr: 'Programme Bahreïn–OTAN 2026–2029',
    ar: 'برنامج البحرين والناتو 2026–2029',
  },
  QAT: {
    en: 'Qatar–NATO programme 2026–2029',
    fr: 'Programme Qatar–OTAN 2026–2029',
    ar: 'برنامج قطر والناتو 2026–2029',
  },
  ARE: {
    en: 'United Arab Emirates–NATO programme 2026–2029',
    fr: 'Programme Émirats arabes unis–OTAN 2026–2029',
    ar: 'برنامج الإمارات العربية المتحدة والناتو 2026–2029',
  },
  SAU: {
    en: 'Saudi Arabia–NATO programme 2027–2030 (draft)',
    fr: 'Programme Arabie saoudite–OTAN 2027–2030 (projet)',
    ar: 'برنامج المملكة العربية السعودية والناتو 2027–2030 (مسودة)',
  },
};

/** What the nation was given and did on each activity in the programme's years. */
async function deliveryByActivity(tx: Tx, nationCode: string) {
  const year = sql<number>`extract(year from ${trainingSessions.startDate})::int`;
  return tx
    .select({
      activityId: trainingSessions.activityId,
      code: activities.code,
      years: sql<number[]>`array_agg(distinct ${year} order by ${year})`,
      offered: sql<number>`sum(${sessionQuotas.seats})::int`,
      selected: sql<number>`(select count(*)::int from ${nominations} n join ${trainingSessions} s on s.id = n.session_id
        where n.nation_code = ${nationCode} and n.status = 'selected' and s.activity_id = ${trainingSessions.activityId}
        and extract(year from s.start_date) between ${START} and ${END})`,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId))
    .innerJoin(
      sessionQuotas,
      and(
        eq(sessionQuotas.sessionId, trainingSessions.id),
        eq(sessionQuotas.nationCode, nationCode),
      ),
    )
    .where(
      and(
        ne(trainingSessions.status, 'draft'),
        ne(trainingSessions.status, 'cancelled'),
        sql`${year} between ${START} and ${END}`,
      ),
    )
    .groupBy(trainingSessions.activityId, activities.code)
    .orderBy(asc(activities.code));
}

/**
 * The courses that serve each goal, by the goal's English title: a goal plans only courses of
 * its own topic.
 */
export const GOAL_COURSES: Record<string, readonly string[]> = {
  'Staff officers trained in NATO planning': ['NRCC', 'M5-32', 'LL-SO', 'ETE-SP-31399', 'DLG-GULF'],
  'A pool of instructors for national courses': ['CBRN-FR-TTT', 'MARSEC-MTT'],
  'Counter-terrorism and CBRN specialists': [
    'CTM-CT-2839',
    'CBRN-ICC',
    'CBRN-AFR',
    'WMD-MD-21243',
    'WMD-CD-31766',
    'WMD-AC-3864',
  ],
  'Cyber and energy security experts': ['CYB-AWR', 'CIRT-ADV', 'CEIP', 'ESSAC', 'CEI-TTX'],
  'Maritime security officers': ['MIO', 'MSA'],
};

/**
 * Planned lines built on what the demo sessions really give the nation, so that progress moves:
 * each goal holds the courses of its topic that the nation was offered; every other line asks
 * for exactly what was selected (on track, or waiting for delivery), the others for more than
 * was offered (lagging); one staff talk has no session at all.
 */
async function outlineFor(
  tx: Tx,
  nationCode: string,
  years: { start: number; end: number },
  perGoalMax = 3,
): Promise<NonNullable<ProgrammeInput['objectives']>> {
  const lines = await deliveryByActivity(tx, nationCode);
  let index = 0;
  return OBJECTIVES.map((o) => ({
    title: o.title,
    goals: o.goals.map((title, g) => {
      const own = lines
        .filter((line) => GOAL_COURSES[title.en]?.includes(line.code))
        .slice(0, perGoalMax);
      const plannedActivities: PlannedLineInput[] = own.map((line) => {
        const inRange = line.years.filter((y) => y >= years.start && y <= years.end);
        index += 1;
        return {
          activityId: line.activityId,
          years: inRange.length > 0 ? inRange : [years.start],
          seatsPlanned: index % 2 === 1 ? Math.max(line.selected, 1) : line.offered + 2,
          priority: (index % 3) + 1,
        };
      });
      if (o === OBJECTIVES[0] && g === 1) {
        plannedActivities.push({
          activityId: null,
          freeText: 'Bilateral staff talks on training needs',
          years: [years.start + 1],
          seatsPlanned: 4,
          priority: 2,
        });
      }
      return { title, plannedActivities };
    }),
  }));
}

type PlannedLineInput = {
  activityId: string | null;
  freeText?: string | null;
  years: number[];
  seatsPlanned: number;
  priority: number;
};

/**
 * An agreed, active 2026-2029 programme for each ICI member built on the demo sessions, with
 * some of their nominations linked to it, and a draft for Saudi Arabia.
 */
export async function loadDemoProgrammes(tx: Tx): Promise<void> {
  const ctx = systemContext(tx, 'demo');
  for (const nationCode of ['KWT', 'BHR', 'QAT', 'ARE']) {
    const programme = await createProgramme(ctx, {
      nationCode,
      title: TITLES[nationCode] as LocalizedText,
      startYear: START,
      endYear: END,
      objectives: await outlineFor(tx, nationCode, { start: START, end: END }),
    });
    await transitionProgramme(ctx, programme.id, { to: 'proposed' });
    await transitionProgramme(ctx, programme.id, {
      to: 'agreed',
      reason: 'Agreed at the annual talks',
    });
    await transitionProgramme(ctx, programme.id, { to: 'active' });
    const lines = programme.objectives.flatMap((o) =>
      o.goals.flatMap((goal) => goal.plannedActivities),
    );
    // Link the nominations of every other line, so the selection board shows both kinds.
    for (const [index, line] of lines.entries()) {
      if (!line.activityId || index % 2 === 1) continue;
      const sessions = tx
        .select({ id: trainingSessions.id })
        .from(trainingSessions)
        .where(
          and(
            eq(trainingSessions.activityId, line.activityId),
            inArray(sql`extract(year from ${trainingSessions.startDate})::int`, line.years),
          ),
        );
      await tx
        .update(nominations)
        .set({ plannedActivityId: line.id })
        .where(
          and(
            eq(nominations.nationCode, nationCode),
            isNull(nominations.plannedActivityId),
            inArray(nominations.sessionId, sessions),
          ),
        );
    }
  }
  await createProgramme(ctx, {
    nationCode: 'SAU',
    title: TITLES.SAU as LocalizedText,
    startYear: START + 1,
    endYear: END + 1,
    objectives: await outlineFor(tx, 'SAU', { start: START + 1, end: END + 1 }, 1),
  });
}
