import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { identityProviders, oidcSignIns, userIdentities, users } from '../../db/schema/index.js';

export type ProviderRow = typeof identityProviders.$inferSelect;
export type IdentityRow = typeof userIdentities.$inferSelect;

export function listProviderRows(db: DbOrTx) {
  return db.select().from(identityProviders).orderBy(asc(identityProviders.key));
}

export async function findProvider(db: DbOrTx, id: string): Promise<ProviderRow | undefined> {
  const [row] = await db.select().from(identityProviders).where(eq(identityProviders.id, id));
  return row;
}

export async function findEnabledProviderByKey(db: DbOrTx, key: string) {
  const [row] = await db
    .select()
    .from(identityProviders)
    .where(and(eq(identityProviders.key, key), eq(identityProviders.enabled, true)));
  return row;
}

export function listEnabledProviders(db: DbOrTx) {
  return db
    .select({ key: identityProviders.key, displayName: identityProviders.displayName })
    .from(identityProviders)
    .where(eq(identityProviders.enabled, true))
    .orderBy(asc(identityProviders.displayName));
}

export async function insertProvider(db: DbOrTx, values: typeof identityProviders.$inferInsert) {
  const [row] = await db.insert(identityProviders).values(values).returning();
  if (!row) throw new Error('identity provider insert returned nothing');
  return row;
}

export async function updateProvider(
  db: DbOrTx,
  id: string,
  values: Partial<typeof identityProviders.$inferInsert>,
) {
  const [row] = await db
    .update(identityProviders)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(identityProviders.id, id))
    .returning();
  return row;
}

export async function deleteProvider(db: DbOrTx, id: string) {
  const [row] = await db.delete(identityProviders).where(eq(identityProviders.id, id)).returning();
  return row;
}

export async function insertSignIn(db: DbOrTx, values: typeof oidcSignIns.$inferInsert) {
  await db.insert(oidcSignIns).values(values);
}

/** Takes a sign-in under way out of the table: whoever reads it first is the only one. */
export async function takeSignIn(db: DbOrTx, stateHash: string) {
  const [row] = await db
    .delete(oidcSignIns)
    .where(eq(oidcSignIns.stateHash, stateHash))
    .returning();
  return row;
}

export async function deleteExpiredSignIns(db: DbOrTx, now: Date) {
  await db.delete(oidcSignIns).where(lte(oidcSignIns.expiresAt, now));
}

/** The active or inactive user a provider's subject is bound to. */
export async function findBoundUser(db: DbOrTx, issuer: string, subject: string) {
  const [row] = await db
    .select({ identity: userIdentities, user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row;
}

export async function findIdentityOfUser(db: DbOrTx, userId: string, providerId: string) {
  const [row] = await db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.providerId, providerId)));
  return row;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function insertIdentity(db: DbOrTx, values: typeof userIdentities.$inferInsert) {
  const [row] = await db.insert(userIdentities).values(values).returning();
  if (!row) throw new Error('identity insert returned nothing');
  return row;
}

export async function updateIdentity(
  db: DbOrTx,
  id: string,
  values: Partial<typeof userIdentities.$inferInsert>,
) {
  await db.update(userIdentities).set(values).where(eq(userIdentities.id, id));
}

export function listProposals(db: DbOrTx) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      providerKey: identityProviders.key,
      proposal: userIdentities.proposal,
      at: userIdentities.lastSignInAt,
      boundAt: userIdentities.boundAt,
    })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .innerJoin(identityProviders, eq(identityProviders.id, userIdentities.providerId))
    .where(isNotNull(userIdentities.proposal))
    .orderBy(asc(users.email));
}
