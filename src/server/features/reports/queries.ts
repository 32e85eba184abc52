import { type SQL, sql } from 'drizzle-orm';
import type { Locale } from '../../../contract/common.js';
import { EVALUATION_ROWS_SHOWN, type ReportGrouping } from '../../../contract/reports.js';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';

/** What every report query is narrowed by; years are those of the sessions' start dates. */
export interface ReportQueryFilters {
  from?: number;
  to?: number;
  nation?: string;
  discipline?: string;
  groupBy?: ReportGrouping;
  locale?: Locale;
}

export interface TrainedCounts {
  key: string;
  label: string;
  trained: number;
  selected: number;
  nominated: number;
  sessionCancelled: number;
}

export interface RateCounts {
  key: string;
  label: string;
  capacity: number;
  selected: number;
  completed: number;
  noShow: number;
}

export interface EvaluationMeans {
  activityCode: string;
  activityTitle: string;
  disciplineCode: string;
  year: number;
  responses: number;
  meanScore: number | null;
}

export interface DeliveryCounts {
  nationCode: string;
  nationName: string;
  year: number;
  planned: number;
  completed: number;
}

/**
 * The one nation the rows may come from: the reader's own when they are bound to a nation (a
 * filter naming another nation then matches nothing), the filter's otherwise, or none.
 */
export function nationOf(
  scope: NationScope,
  filters: ReportQueryFilters,
): { kind: 'any' } | { kind: 'one'; code: string } | { kind: 'none' } {
  if (scope.kind === 'nation') {
    if (filters.nation && filters.nation !== scope.nationCode) return { kind: 'none' };
    return { kind: 'one', code: scope.nationCode };
  }
  return filters.nation ? { kind: 'one', code: filters.nation } : { kind: 'any' };
}

/** Years of the sessions' start dates, on a date column (so that its index serves the range). */
function yearRange(filters: ReportQueryFilters, date: SQL): SQL[] {
  const where: SQL[] = [];
  if (filters.from !== undefined) where.push(sql`${date} >= make_date(${filters.from}::int, 1, 1)`);
  if (filters.to !== undefined) where.push(sql`${date} < make_date(${filters.to + 1}::int, 1, 1)`);
  return where;
}

/** The same range on a roll-up's year column. */
function yearsOf(filters: ReportQueryFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.from !== undefined) where.push(sql`f.year >= ${filters.from}`);
  if (filters.to !== undefined) where.push(sql`f.year <= ${filters.to}`);
  return where;
}

function and(conditions: readonly SQL[]): SQL {
  return conditions.length === 0 ? sql`true` : sql.join([...conditions], sql` and `);
}

/** The group key of a roll-up row (alias f). */
function keyOf(groupBy: ReportGrouping, nationColumn: SQL): SQL {
  switch (groupBy) {
    case 'nation':
      return nationColumn;
    case 'discipline':
      return sql`f.discipline_code`;
    case 'provider':
      return sql`f.provider_code`;
    case 'year':
      return sql`f.year::text`;
  }
}

/** The label of a group key in the reader's language, English when missing. */
function labelJoin(groupBy: ReportGrouping, locale: Locale): { join: SQL; label: SQL } {
  const named = (table: string, column: string) => ({
    join: sql.raw(`left join ${table} l on l.${column} = g.key`),
    label: sql`coalesce(l.name ->> ${locale}, l.name ->> 'en', g.key)`,
  });
  switch (groupBy) {
    case 'nation':
      return named('nations', 'code');
    case 'discipline':
      return named('disciplines', 'code');
    case 'provider':
      return named('institutions', 'code');
    case 'year':
      return { join: sql``, label: sql`g.key` };
  }
}

const rowsOf = async <T>(db: DbOrTx, query: SQL): Promise<T[]> =>
  (await db.execute(query)).rows as T[];

/**
 * Nominated (submitted), selected and trained (completed) people per group, over sessions
 * not cancelled, and apart from them the submitted nominations that a cancelled session ended.
 * Read from the nomination roll-up (migrations 0007 and 0014), as fresh as its last refresh.
 */
export async function trainedPeople(
  db: DbOrTx,
  scope: NationScope,
  filters: ReportQueryFilters,
): Promise<TrainedCounts[]> {
  const nation = nationOf(scope, filters);
  if (nation.kind === 'none') return [];
  const groupBy = filters.groupBy ?? 'nation';
  const where: SQL[] = yearsOf(filters);
  if (nation.kind === 'one') where.push(sql`f.nation_code = ${nation.code}`);
  if (filters.discipline) where.push(sql`f.discipline_code = ${filters.discipline}`);
  const { join, label } = labelJoin(groupBy, filters.locale ?? 'en');
  return rowsOf<TrainedCounts>(
    db,
    sql`
      with g as (
        select ${keyOf(groupBy, sql`f.nation_code`)} as key,
               sum(f.submitted_completed)::int as trained,
               sum(f.submitted_selected)::int as selected,
               sum(f.submitted)::int as nominated,
               sum(f.session_cancelled)::int as session_cancelled
          from report_nomination_facts f
         where ${and(where)}
         group by 1
        having sum(f.submitted) + sum(f.session_cancelled) > 0
      )
      select g.key, ${label} as label, g.trained, g.selected, g.nominated,
             g.session_cancelled as "sessionCancelled"
        from g ${join}
       order by g.key`,
  );
}

/**
 * Seats, selected, completed and no-shows per group, over completed sessions only (rates of
 * sessions still running would read as failures). Seats are the sessions' capacity, or the
 * quota offered to the nation when counting per nation or for one nation.
 */
export async function deliveryRates(
  db: DbOrTx,
  scope: NationScope,
  filters: ReportQueryFilters,
): Promise<RateCounts[]> {
  const nation = nationOf(scope, filters);
  if (nation.kind === 'none') return [];
  const groupBy = filters.groupBy ?? 'nation';
  const common: SQL[] = yearsOf(filters);
  if (filters.discipline) common.push(sql`f.discipline_code = ${filters.discipline}`);
  const perNation = groupBy === 'nation' || nation.kind === 'one';
  // Seat rows with a nation are the quota offered to it; the one without is the capacity.
  const seatWhere = [
    ...common,
    perNation ? sql`f.nation_code is not null` : sql`f.nation_code is null`,
  ];
  const countWhere = [...common, sql`f.delivered`];
  if (nation.kind === 'one') {
    seatWhere.push(sql`f.nation_code = ${nation.code}`);
    countWhere.push(sql`f.nation_code = ${nation.code}`);
  }
  const { join, label } = labelJoin(groupBy, filters.locale ?? 'en');
  return rowsOf<RateCounts>(
    db,
    sql`
      with seats as (
        select ${keyOf(groupBy, sql`f.nation_code`)} as key, sum(f.seats)::int as capacity
          from report_seat_facts f
         where ${and(seatWhere)}
         group by 1
      ),
      counts as (
        select ${keyOf(groupBy, sql`f.nation_code`)} as key,
               sum(f.selected)::int as selected,
               sum(f.completed)::int as completed,
               sum(f.no_show)::int as no_show
          from report_nomination_facts f
         where ${and(countWhere)}
         group by 1
        having sum(f.selected) > 0
      ),
      g as (
        select coalesce(seats.key, counts.key) as key,
               coalesce(seats.capacity, 0) as capacity,
               coalesce(counts.selected, 0) as selected,
               coalesce(counts.completed, 0) as completed,
               coalesce(counts.no_show, 0) as no_show
          from seats full join counts on counts.key = seats.key
      )
      select g.key, ${label} as label, g.capacity, g.selected, g.completed, g.no_show as "noShow"
        from g ${join}
       order by g.key`,
  );
}

/**
 * The mean of level-1 scale answers (1-5) per activity and year, with the number of responses,
 * newest year first, and how many such rows there are in all. A reader bound to a nation sees
 * only answers given through their own nation's invitations; anonymous answers cannot be
 * traced to a nation and are left out for them. `limit` caps the rows (a page shows the first
 * ones; a download takes them all).
 */
export async function evaluationScores(
  db: DbOrTx,
  scope: NationScope,
  filters: ReportQueryFilters,
  limit?: number,
): Promise<{ rows: EvaluationMeans[]; total: number }> {
  const nation = nationOf(scope, filters);
  if (nation.kind === 'none') return { rows: [], total: 0 };
  const where: SQL[] = yearsOf(filters);
  if (nation.kind === 'one') where.push(sql`f.nation_code = ${nation.code}`);
  if (filters.discipline) where.push(sql`f.discipline_code = ${filters.discipline}`);
  const locale = filters.locale ?? 'en';
  const facts = sql.raw(
    nation.kind === 'one' ? 'report_nation_evaluation_facts' : 'report_evaluation_facts',
  );
  const rows = await rowsOf<EvaluationMeans>(
    db,
    sql`
      select f.activity_code as "activityCode",
             coalesce(f.activity_title ->> ${locale}, f.activity_title ->> 'en') as "activityTitle",
             f.discipline_code as "disciplineCode", f.year, f.responses,
             case when f.answers > 0 then round(f.total / f.answers, 2)::float8 end as "meanScore"
        from ${facts} f
       where ${and(where)}
       order by f.year desc, f.activity_code
       ${limit === undefined ? sql`` : sql`limit ${limit}`}`,
  );
  const total =
    limit === undefined || rows.length < limit
      ? rows.length
      : ((
          await rowsOf<{ total: number }>(
            db,
            sql`select count(*)::int as total from ${facts} f where ${and(where)}`,
          )
        )[0]?.total ?? rows.length);
  return { rows, total };
}

/**
 * Seats planned by agreed or active programmes (each planned activity's seats in each of its
 * years) against completed nominations serving them, per nation and year.
 */
export async function programmeDelivery(
  db: DbOrTx,
  scope: NationScope,
  filters: ReportQueryFilters,
): Promise<DeliveryCounts[]> {
  const nation = nationOf(scope, filters);
  if (nation.kind === 'none') return [];
  const plannedWhere: SQL[] = [sql`p.status in ('agreed', 'active')`];
  const doneWhere: SQL[] = [
    sql`p.status in ('agreed', 'active')`,
    sql`n.result = 'completed'`,
    ...yearRange(filters, sql`s.start_date`),
  ];
  if (filters.from !== undefined) plannedWhere.push(sql`y.year >= ${filters.from}`);
  if (filters.to !== undefined) plannedWhere.push(sql`y.year <= ${filters.to}`);
  if (nation.kind === 'one') {
    plannedWhere.push(sql`p.nation_code = ${nation.code}`);
    doneWhere.push(sql`n.nation_code = ${nation.code}`);
  }
  if (filters.discipline) {
    plannedWhere.push(
      sql`exists (select 1 from activities a where a.id = pa.activity_id and a.discipline_code = ${filters.discipline})`,
    );
    doneWhere.push(sql`a.discipline_code = ${filters.discipline}`);
  }
  const locale = filters.locale ?? 'en';
  return rowsOf<DeliveryCounts>(
    db,
    sql`
      with planned as (
        -- A line's seats are spread over its years as the programme page spreads them: evenly,
        -- the remainder going to the earliest years (src/domain/programme-progress.ts).
        select p.nation_code, y.year,
               sum(pa.seats_planned / y.n + case when y.i <= pa.seats_planned % y.n then 1 else 0 end)::int
                 as planned
          from planned_activities pa
          join programme_goals pg on pg.id = pa.goal_id
          join programme_objectives po on po.id = pg.objective_id
          join programmes p on p.id = po.programme_id
          cross join lateral (
            select d.year, row_number() over (order by d.year) as i, count(*) over () as n
              from (select distinct unnest(pa.years) as year) d
          ) as y
         where ${and(plannedWhere)}
         group by 1, 2
      ),
      done as (
        select n.nation_code, extract(year from s.start_date)::int as year, count(*)::int as completed
          from nominations n
          join planned_activities pa on pa.id = n.planned_activity_id
          join programme_goals pg on pg.id = pa.goal_id
          join programme_objectives po on po.id = pg.objective_id
          join programmes p on p.id = po.programme_id
          join training_sessions s on s.id = n.session_id
          join activities a on a.id = s.activity_id
         where ${and(doneWhere)}
         group by 1, 2
      ),
      g as (
        select coalesce(planned.nation_code, done.nation_code) as nation_code,
               coalesce(planned.year, done.year) as year,
               coalesce(planned.planned, 0) as planned,
               coalesce(done.completed, 0) as completed
          from planned full join done on done.nation_code = planned.nation_code and done.year = planned.year
      )
      select g.nation_code as "nationCode",
             coalesce(l.name ->> ${locale}, l.name ->> 'en', g.nation_code) as "nationName",
             g.year, g.planned, g.completed
        from g left join nations l on l.code = g.nation_code
       order by g.nation_code, g.year`,
  );
}

/** Every dashboard and report query, for the benchmark to time one by one. */
export const REPORT_QUERIES: readonly {
  name: string;
  run: (db: DbOrTx, scope: NationScope, filters: ReportQueryFilters) => Promise<unknown[]>;
}[] = [
  ...(['nation', 'discipline', 'provider', 'year'] as const).map((groupBy) => ({
    name: `trained-by-${groupBy}`,
    run: (db: DbOrTx, scope: NationScope, filters: ReportQueryFilters) =>
      trainedPeople(db, scope, { ...filters, groupBy }),
  })),
  ...(['nation', 'discipline', 'provider', 'year'] as const).map((groupBy) => ({
    name: `rates-by-${groupBy}`,
    run: (db: DbOrTx, scope: NationScope, filters: ReportQueryFilters) =>
      deliveryRates(db, scope, { ...filters, groupBy }),
  })),
  {
    name: 'evaluations',
    run: async (db: DbOrTx, scope: NationScope, filters: ReportQueryFilters) =>
      (await evaluationScores(db, scope, filters, EVALUATION_ROWS_SHOWN)).rows,
  },
  { name: 'programme-delivery', run: programmeDelivery },
];
