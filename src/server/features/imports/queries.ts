import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  disciplines,
  imports,
  institutions,
  nationContacts,
  nations,
  nominationLogistics,
  nominations,
  participants,
  sessionQuotas,
  trainingSessions,
  venues,
} from '../../db/schema/index.js';
import type { RecordTable } from './kinds/kind.js';
import type { KnownPassport, KnownPerson, PersonInput } from './people-rows.js';

export type ImportRow = typeof imports.$inferSelect;

/** A nation-scoped reader sees their own nation's imports only. */
function visibleImports(scope: NationScope) {
  return scope.kind === 'all' ? undefined : eq(imports.nationCode, scope.nationCode);
}

export async function insertImport(db: DbOrTx, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning();
  if (!row) throw new Error('import insert returned nothing');
  return row;
}

export async function selectImport(
  db: DbOrTx,
  scope: NationScope,
  id: string,
  lock = false,
): Promise<ImportRow | undefined> {
  const query = db
    .select()
    .from(imports)
    .where(and(visibleImports(scope), eq(imports.id, id)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

export async function updateImport(
  db: DbOrTx,
  id: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<ImportRow> {
  const [row] = await db.update(imports).set(values).where(eq(imports.id, id)).returning();
  if (!row) throw new Error('import update returned nothing');
  return row;
}

/** The commit's last write; undefined when the import is no longer being committed. */
export async function finishCommit(
  db: DbOrTx,
  id: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(imports)
    .set(values)
    .where(and(eq(imports.id, id), eq(imports.status, 'committing')))
    .returning();
  return row;
}

/** Written outside the job's transaction, so readers see it while the job runs. */
export async function writeProgress(db: DbOrTx, id: string, done: number, total: number) {
  await db
    .update(imports)
    .set({ progressDone: done, progressTotal: total })
    .where(eq(imports.id, id));
}

export async function selectNationCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ code: nations.code }).from(nations);
  return new Set(rows.map((r) => r.code));
}

/** Every person of the nation, as the duplicate check compares them. */
export async function selectKnownPeople(db: DbOrTx, nationCode: string): Promise<KnownPerson[]> {
  return db
    .select({
      id: participants.id,
      familyNameLatin: participants.familyNameLatin,
      givenNamesLatin: participants.givenNamesLatin,
      familyNameArabic: participants.familyNameArabic,
      givenNamesArabic: participants.givenNamesArabic,
      rankCode: participants.rankCode,
      rankTitle: participants.rankTitle,
      email: participants.email,
      dateOfBirth: participants.dateOfBirth,
    })
    .from(participants)
    .where(eq(participants.nationCode, nationCode));
}

/**
 * Every passport number the nation's people were given in their nominations' logistics, once
 * per person; issued, as far as Rabita knows, by the person's nation.
 */
export async function selectKnownPassports(
  db: DbOrTx,
  nationCode: string,
): Promise<KnownPassport[]> {
  return db
    .selectDistinct({
      participantId: participants.id,
      number: nominationLogistics.passportNumber,
      nationCode: participants.nationCode,
    })
    .from(nominationLogistics)
    .innerJoin(nominations, eq(nominations.id, nominationLogistics.nominationId))
    .innerJoin(participants, eq(participants.id, nominations.participantId))
    .where(
      and(
        eq(participants.nationCode, nationCode),
        sql`${nominationLogistics.passportNumber} is not null`,
        sql`${nominationLogistics.passportNumber} <> ''`,
      ),
    ) as Promise<KnownPassport[]>;
}

type Fields = Omit<PersonInput, 'confirmNotDuplicate'>;

/** A person's fields an import writes, but the nation (all present once the row is checked). */
export const PERSON_FIELDS = [
  'familyNameLatin',
  'givenNamesLatin',
  'familyNameArabic',
  'givenNamesArabic',
  'service',
  'rankCode',
  'rankTitle',
  'position',
  'email',
  'phone',
  'languageProfiles',
  'clearanceLevel',
  'clearanceExpiresOn',
  'dateOfBirth',
] as const satisfies readonly (keyof Fields)[];

/** Every field a new imported person is written with. */
const INSERTED_FIELDS = ['nationCode', ...PERSON_FIELDS] as const;

/**
 * Many people in one statement, stamped with the import's time; their ids. The rows travel as
 * one JSON document typed by the table's own row type, as `updatePeople`'s do: a thousand rows
 * as VALUES would be fifteen thousand bound parameters, each an object built and serialised,
 * which kept a 10,000-row import's server some 100 MB larger while it wrote (bench:import).
 */
export async function insertPeople(db: DbOrTx, people: Fields[], at: Date): Promise<string[]> {
  if (people.length === 0) return [];
  const columns = INSERTED_FIELDS.map((f) => participants[f].name);
  const rows = people.map((p) =>
    Object.fromEntries(INSERTED_FIELDS.map((f, i) => [columns[i], p[f] ?? null])),
  );
  const list = sql.raw(columns.join(', '));
  const { rows: inserted } = await db.execute<{ id: string }>(sql`
    insert into ${participants} (${list}, created_at, updated_at)
    select ${list}, ${at}, ${at}
    from jsonb_populate_recordset(null::participants, ${JSON.stringify(rows)}::jsonb)
    returning id`);
  return inserted.map((r) => r.id);
}

export type PersonBefore = typeof participants.$inferSelect;

/**
 * Overwrites many people's fields (not their nation) in two statements, and returns each record
 * as it was; people not of the nation are left out. A person given twice takes the last.
 */
export async function updatePeople(
  db: DbOrTx,
  nationCode: string,
  people: { id: string; fields: Fields }[],
  fieldNames: readonly (keyof Fields)[],
  at: Date,
): Promise<PersonBefore[]> {
  const last = new Map(people.map((p) => [p.id, p.fields]));
  if (last.size === 0) return [];
  const before = await db
    .select()
    .from(participants)
    .where(and(inArray(participants.id, [...last.keys()]), eq(participants.nationCode, nationCode)))
    .orderBy(participants.id)
    .for('update');
  if (before.length === 0) return [];
  const columns = fieldNames.map((f) => participants[f].name);
  const rows = before.map(({ id }) => {
    const fields = last.get(id) as Fields;
    return Object.fromEntries([['id', id], ...fieldNames.map((f, i) => [columns[i], fields[f]])]);
  });
  // The new values travel as one JSON document typed by the table's own row type.
  const assignments = sql.raw(columns.map((c) => `${c} = v.${c}`).join(', '));
  await db.execute(sql`
    update ${participants} as p set ${assignments}, updated_at = ${at}
    from jsonb_populate_recordset(null::participants, ${JSON.stringify(rows)}::jsonb) as v
    where p.id = v.id`);
  return before;
}

/**
 * How many of an import's people were changed since it (their `updated_at` is no longer the
 * import's), were deleted, have been nominated or have an account.
 */
export async function countTouched(
  db: DbOrTx,
  created: string[],
  updated: string[],
  at: Date,
): Promise<number> {
  const all = [...created, ...updated];
  if (all.length === 0) return 0;
  const [untouched] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(participants)
    .where(
      and(
        inArray(participants.id, all),
        eq(participants.updatedAt, at),
        isNull(participants.userId),
        sql`not exists (select 1 from ${nominations} where ${nominations.participantId} = ${participants.id})`,
      ),
    );
  return all.length - (untouched?.n ?? 0);
}

export async function deletePeople(db: DbOrTx, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000) {
    await db.delete(participants).where(inArray(participants.id, ids.slice(i, i + 5000)));
  }
}

export async function restorePerson(db: DbOrTx, id: string, before: Record<string, unknown>) {
  await db
    .update(participants)
    .set({ ...(before as Partial<typeof participants.$inferInsert>), updatedAt: new Date() })
    .where(eq(participants.id, id));
}

// Activities, sessions and contacts: what their rows are checked against, and what undo needs.
// The records are written through their features' services; only undo writes here, putting
// back exactly the rows the commit left.

const CODE_TABLES = { disciplines, institutions, venues } as const;

/** Every code of a small reference table. */
export async function selectAllCodes(
  db: DbOrTx,
  table: keyof typeof CODE_TABLES,
): Promise<Set<string>> {
  const t = CODE_TABLES[table];
  const rows = await db.select({ code: t.code }).from(t);
  return new Set(rows.map((r) => r.code));
}

export async function selectActivityKeys(db: DbOrTx) {
  return db
    .select({ id: activities.id, code: activities.code, title: activities.title })
    .from(activities);
}

export async function selectSessionKeys(db: DbOrTx) {
  return db
    .select({
      id: trainingSessions.id,
      code: trainingSessions.code,
      activityCode: activities.code,
      startDate: trainingSessions.startDate,
    })
    .from(trainingSessions)
    .innerJoin(activities, eq(activities.id, trainingSessions.activityId));
}

export async function selectVenueCalendars(db: DbOrTx) {
  return db
    .select({ code: venues.code, workingDays: venues.workingDays, holidays: venues.holidays })
    .from(venues);
}

/** The contacts of one nation, or of all when null. */
export async function selectContactKeys(db: DbOrTx, nationCode: string | null) {
  return db
    .select({
      id: nationContacts.id,
      nationCode: nationContacts.nationCode,
      name: nationContacts.name,
      email: nationContacts.email,
    })
    .from(nationContacts)
    .where(nationCode === null ? undefined : eq(nationContacts.nationCode, nationCode));
}

const RECORD_TABLES = {
  activities,
  training_sessions: trainingSessions,
  nation_contacts: nationContacts,
} as const;

/**
 * A record as it is now, with what hangs on it (a session's quotas and nominations, an
 * activity's sessions); null when it is gone. Two snapshots equal: nobody touched it between.
 */
export async function snapshotRecord(
  db: DbOrTx,
  table: RecordTable,
  id: string,
): Promise<Record<string, unknown> | null> {
  const t = RECORD_TABLES[table];
  const extra =
    table === 'activities'
      ? sql`(select count(*) from ${trainingSessions} s where s.activity_id = t.id)`
      : table === 'training_sessions'
        ? sql`jsonb_build_object(
            'quotas', (select coalesce(jsonb_agg(jsonb_build_object('nationCode', q.nation_code, 'seats', q.seats, 'taken', q.taken) order by q.nation_code), '[]') from ${sessionQuotas} q where q.session_id = t.id),
            'nominations', (select count(*) from ${nominations} n where n.session_id = t.id))`
        : sql`null`;
  const result = await db.execute<{ snapshot: Record<string, unknown> }>(
    sql`select jsonb_build_object('row', to_jsonb(t) - 'search' - 'search_keys', 'extra', ${extra}) as snapshot from ${t} t where t.id = ${id}`,
  );
  return result.rows[0]?.snapshot ?? null;
}

/** Puts a record's columns back as a snapshot holds them (and a session's quotas). */
export async function restoreRecord(
  db: DbOrTx,
  table: RecordTable,
  snapshot: Record<string, unknown>,
): Promise<void> {
  const t = RECORD_TABLES[table];
  const columns = Object.values(getTableColumns(t))
    .filter((c) => !c.generated && c.name !== 'id')
    .map((c) => sql.identifier(c.name));
  await db.execute(
    sql`update ${t} as t set ${sql.join(
      columns.map((c) => sql`${c} = r.${c}`),
      sql`, `,
    )} from jsonb_populate_record(null::${t}, ${JSON.stringify(snapshot.row)}::jsonb) r where t.id = r.id`,
  );
  if (table === 'training_sessions') {
    const row = snapshot.row as { id: string };
    const quotas =
      (snapshot.extra as { quotas?: { nationCode: string; seats: number; taken: number }[] })
        ?.quotas ?? [];
    await db.delete(sessionQuotas).where(eq(sessionQuotas.sessionId, row.id));
    if (quotas.length > 0) {
      await db.insert(sessionQuotas).values(quotas.map((q) => ({ sessionId: row.id, ...q })));
    }
  }
}

export async function deleteRecord(db: DbOrTx, table: RecordTable, id: string): Promise<void> {
  const t = RECORD_TABLES[table];
  await db.delete(t).where(eq(t.id, id));
}
