import { and, count, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Role } from '../../../contract/roles.js';
import type { DbOrTx } from '../../db/client.js';
import {
  type PasskeyRow,
  passkeyChallenges,
  passkeys,
  pendingSignIns,
  recoveryCodes,
  totpFactors,
  twoFactorPolicy,
} from '../../db/schema/index.js';

export async function selectPolicy(db: DbOrTx) {
  return db.select().from(twoFactorPolicy).orderBy(twoFactorPolicy.role);
}

export async function savePolicyRow(db: DbOrTx, role: Role, required: boolean, now: Date) {
  await db
    .insert(twoFactorPolicy)
    .values({ role, required, updatedAt: now })
    .onConflictDoUpdate({ target: twoFactorPolicy.role, set: { required, updatedAt: now } });
}

export async function selectTotp(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  return row;
}

/** The account's TOTP row, locked: two requests with the same code are judged one after the other. */
export async function selectTotpForUpdate(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(totpFactors)
    .where(eq(totpFactors.userId, userId))
    .for('update');
  return row;
}

/** Starts (or restarts) an enrolment: a new unconfirmed secret replaces an unconfirmed one. */
export async function upsertUnconfirmedTotp(db: DbOrTx, userId: string, secret: string) {
  await db
    .insert(totpFactors)
    .values({ userId, secret })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secret, lastStep: null, confirmedAt: null },
      where: isNull(totpFactors.confirmedAt),
    });
}

export async function updateTotp(
  db: DbOrTx,
  userId: string,
  values: { confirmedAt?: Date; lastStep: number },
) {
  await db.update(totpFactors).set(values).where(eq(totpFactors.userId, userId));
}

export async function deleteTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .delete(totpFactors)
    .where(eq(totpFactors.userId, userId))
    .returning({ userId: totpFactors.userId });
  return rows.length > 0;
}

export async function selectPasskeys(db: DbOrTx, userId: string): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(passkeys.createdAt);
}

export async function selectPasskeyOf(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .for('update');
  return row;
}

export async function insertPasskey(db: DbOrTx, row: typeof passkeys.$inferInsert) {
  const [inserted] = await db.insert(passkeys).values(row).returning();
  return inserted as PasskeyRow;
}

export async function updatePasskeyUse(db: DbOrTx, id: string, counter: number, now: Date) {
  await db.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id));
}

export async function deletePasskeyOf(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning();
  return row;
}

export async function deletePasskeysOf(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .delete(passkeys)
    .where(eq(passkeys.userId, userId))
    .returning({ id: passkeys.id });
  return rows.length;
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, hashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length > 0) {
    await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ codeHash, userId })));
  }
}

/** Spends an unused code of this account; false when there is none such (or it was spent). */
export async function spendRecoveryCode(
  db: DbOrTx,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ codeHash: recoveryCodes.codeHash });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** Whether the account has a confirmed authenticator app or a passkey. */
export async function hasSecondFactor(db: DbOrTx, userId: string): Promise<boolean> {
  const [totp] = await db
    .select({ userId: totpFactors.userId })
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)));
  if (totp) return true;
  const [key] = await db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .limit(1);
  return key !== undefined;
}

export async function insertPendingSignIn(db: DbOrTx, row: typeof pendingSignIns.$inferInsert) {
  await db.insert(pendingSignIns).values(row);
}

export async function selectPendingSignIn(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(pendingSignIns)
    .where(and(eq(pendingSignIns.tokenHash, tokenHash), gt(pendingSignIns.expiresAt, now)));
  return row;
}

export async function setPendingChallenge(db: DbOrTx, tokenHash: string, challenge: string) {
  await db.update(pendingSignIns).set({ challenge }).where(eq(pendingSignIns.tokenHash, tokenHash));
}

/** Spends a pending sign-in (and forgets the expired ones of anyone, while at it). */
export async function deletePendingSignIn(db: DbOrTx, tokenHash: string, now: Date) {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.tokenHash, tokenHash));
  await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
}

export async function deletePendingSignInsOf(db: DbOrTx, userId: string) {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
}

export async function savePasskeyChallenge(
  db: DbOrTx,
  userId: string,
  challenge: string,
  expiresAt: Date,
) {
  await db
    .insert(passkeyChallenges)
    .values({ userId, challenge, expiresAt })
    .onConflictDoUpdate({ target: passkeyChallenges.userId, set: { challenge, expiresAt } });
}

/** Takes the account's registration challenge: usable once, and only before it expires. */
export async function takePasskeyChallenge(db: DbOrTx, userId: string, now: Date) {
  const [row] = await db
    .delete(passkeyChallenges)
    .where(eq(passkeyChallenges.userId, userId))
    .returning();
  return row && row.expiresAt > now ? row.challenge : null;
}
