import { HOTP, Secret, TOTP } from 'otpauth';
import type { TotpEnrolment } from '../../../contract/auth.js';
import {
  judgeTotpStep,
  TOTP_PERIOD_SECONDS,
  TOTP_SKEW_RECOGNISED,
  type TotpVerdict,
} from '../../../domain/second-factors.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { selectTotpForUpdate, updateTotp, upsertUnconfirmedTotp } from './queries.js';

const ISSUER = 'Rabita';

export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1_000 / TOTP_PERIOD_SECONDS);
}

/**
 * Where a code matches, as a time step, searching as far as a clock could plausibly be off,
 * or null. otpauth compares in constant time.
 */
function matchedStep(secret: string, code: string, now: Date): number | null {
  const currentStep = stepAt(now);
  const delta = HOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    counter: currentStep,
    window: TOTP_SKEW_RECOGNISED,
  });
  return delta === null ? null : currentStep + delta;
}

/**
 * Starts setting up an authenticator app: a new 160-bit secret (RFC 4226's recommendation),
 * stored unconfirmed, returned this once with its otpauth:// URI for the QR code. Restarting
 * replaces an unconfirmed secret; a confirmed one must be removed first.
 */
export async function startTotpEnrolment(
  db: DbOrTx,
  user: { id: string; email: string },
): Promise<TotpEnrolment> {
  const existing = await selectTotpForUpdate(db, user.id);
  if (existing?.confirmedAt) {
    throw new AppError(409, 'totp_already_enrolled', 'An authenticator app is already set up.');
  }
  const secret = new Secret({ size: 20 }).base32;
  await upsertUnconfirmedTotp(db, user.id, secret);
  const totp = new TOTP({
    issuer: ISSUER,
    label: user.email,
    secret: Secret.fromBase32(secret),
    period: TOTP_PERIOD_SECONDS,
  });
  return { secret, uri: totp.toString() };
}

/**
 * Judges a code against the account's secret, under a row lock so a code cannot be spent twice
 * by two requests at once, and remembers the step of an accepted one. `confirming`: the code
 * of an enrolment in progress (which it confirms); otherwise that of a confirmed app.
 */
export async function checkTotpCode(
  db: DbOrTx,
  userId: string,
  code: string,
  now: Date,
  confirming: boolean,
): Promise<TotpVerdict | 'none'> {
  const row = await selectTotpForUpdate(db, userId);
  if (!row || (row.confirmedAt === null) !== confirming) return 'none';
  const verdict = judgeTotpStep({
    matchedStep: matchedStep(row.secret, code, now),
    currentStep: stepAt(now),
    lastStep: row.lastStep,
  });
  if (verdict === 'accepted') {
    const step = matchedStep(row.secret, code, now) as number;
    await updateTotp(db, userId, { lastStep: step, ...(confirming ? { confirmedAt: now } : {}) });
  }
  return verdict;
}
