import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import type { DbOrTx } from '../../db/client.js';
import { imports, nations, nominations, participants } from '../../db/schema/index.js';
import type { KnownPerson, PersonInput } from './people-rows.js';

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

type Fields = Omit<PersonInput, 'confirmNotDuplicate'>;

/** Many people in one statement, stamped with the import's time; their ids in order. */
export async function insertPeople(db: DbOrTx, people: Fields[], at: Date): Promise<string[]> {
  if (people.length === 0) return [];
  const rows = await db
    .insert(participants)
    .values(people.map((p) => ({ ...p, createdAt: at, updatedAt: at })))
    .returning({ id: participants.id });
  return rows.map((r) => r.id);
}

/** Overwrites a person's fields (not their nation) and returns the record as it was. */
export async function updatePerson(
  db: DbOrTx,
  id: string,
  nationCode: string,
  person: Fields,
  at: Date,
) {
  const [before] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.id, id), eq(participants.nationCode, nationCode)))
    .for('update');
  if (!before) return null;
  const { nationCode: _nation, ...fields } = person;
  await db
    .update(participants)
    .set({ ...fields, updatedAt: at })
    .where(eq(participants.id, id));
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
