import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { sessionStaffTravel } from '../../../db/schema/index.js';

export interface StaffClashRow {
  userId: string;
  displayName: string;
  role: 'director' | 'instructor';
  sessionCode: string;
  startDate: string;
  endDate: string;
}

/**
 * The other sessions, not cancelled, that overlap [start, end] and have one of these people as
 * director or instructor. Inclusive on both ends: a course that ends on the day another starts
 * still needs its director that day.
 */
export async function selectStaffClashes(
  db: DbOrTx,
  options: { sessionId: string | null; startDate: string; endDate: string; userIds: string[] },
): Promise<StaffClashRow[]> {
  if (options.userIds.length === 0) return [];
  const ids = sql.join(
    options.userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{
    user_id: string;
    display_name: string;
    role: 'director' | 'instructor';
    code: string;
    start_date: string;
    end_date: string;
  }>(sql`
    with staff as (
      select s.id as session_id, s.director_id as user_id, 'director' as role
        from training_sessions s where s.director_id in (${ids})
      union all
      select i.session_id, i.user_id, 'instructor'
        from session_instructors i where i.user_id in (${ids})
    )
    select staff.user_id, u.display_name, staff.role, s.code,
           s.start_date::text as start_date, s.end_date::text as end_date
      from staff
      join training_sessions s on s.id = staff.session_id
      join users u on u.id = staff.user_id
     where s.status <> 'cancelled'
       and s.start_date <= ${options.endDate}::date
       and s.end_date >= ${options.startDate}::date
       and (${options.sessionId}::uuid is null or s.id <> ${options.sessionId}::uuid)
     order by s.start_date, s.code, u.display_name`);
  return result.rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    role: row.role,
    sessionCode: row.code,
    startDate: row.start_date,
    endDate: row.end_date,
  }));
}

/** The travel recorded for a session's staff, by user. */
export async function selectStaffTravel(db: DbOrTx, sessionId: string) {
  return db.select().from(sessionStaffTravel).where(eq(sessionStaffTravel.sessionId, sessionId));
}

export async function upsertStaffTravel(
  db: DbOrTx,
  sessionId: string,
  userId: string,
  values: Partial<Omit<typeof sessionStaffTravel.$inferInsert, 'sessionId' | 'userId'>>,
) {
  const [row] = await db
    .insert(sessionStaffTravel)
    .values({ sessionId, userId, ...values })
    .onConflictDoUpdate({
      target: [sessionStaffTravel.sessionId, sessionStaffTravel.userId],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row as typeof sessionStaffTravel.$inferSelect;
}
