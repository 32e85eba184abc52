import type {
  FactorAdded,
  Passkey,
  RecoveryCodes,
  RegisterPasskeyRequest,
  SecondFactors,
  TotpEnrolment,
} from '../../../contract/auth.js';
import type { Tx } from '../../db/client.js';
import type { PasskeyRow } from '../../db/schema/index.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { noticeFactorChanged } from './notices.js';
import { passkeyRegistrationOptions, registerPasskey } from './passkeys.js';
import { secondFactorRequired } from './policy.js';
import {
  countUnusedRecoveryCodes,
  deletePasskeyOf,
  deleteTotp,
  hasSecondFactor,
  replaceRecoveryCodes,
  selectPasskeys,
  selectTotp,
} from './queries.js';
import { issueRecoveryCodes } from './recovery-codes.js';
import { checkTotpCode, startTotpEnrolment } from './totp.js';

export function presentPasskey(row: PasskeyRow): Passkey {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The signed-in user's second factors, never their secrets. */
export async function getMySecondFactors(ctx: ServiceContext): Promise<SecondFactors> {
  const userId = ctx.actor.id;
  const totp = await selectTotp(ctx.tx, userId);
  return {
    totp: totp?.confirmedAt ? { enrolledAt: totp.confirmedAt.toISOString() } : null,
    passkeys: (await selectPasskeys(ctx.tx, userId)).map(presentPasskey),
    recoveryCodesLeft: await countUnusedRecoveryCodes(ctx.tx, userId),
    required: await secondFactorRequired(ctx.tx, ctx.actor.roles),
  };
}

/** Starts setting up an authenticator app for the signed-in user (the secret is shown once). */
export function startMyTotp(ctx: ServiceContext): Promise<TotpEnrolment> {
  return startTotpEnrolment(ctx.tx, ctx.actor);
}

interface Owner {
  id: string;
  email: string;
  locale: string;
}

/**
 * Confirms an authenticator app with a first code from it: audited, the owner e-mailed, and
 * recovery codes issued when it is the account's first factor (returned to show once).
 */
export async function confirmTotpFor(
  ctx: Omit<ServiceContext, 'actor'> & { actor: { id: string } },
  owner: Owner,
  code: string,
  now: Date,
): Promise<FactorAdded> {
  const first = !(await hasSecondFactor(ctx.tx, owner.id));
  const verdict = await checkTotpCode(ctx.tx, owner.id, code, now, true);
  if (verdict === 'none') {
    throw new AppError(
      409,
      'no_enrolment_pending',
      'Start setting up the authenticator app first.',
    );
  }
  if (verdict === 'clock_skew') {
    throw new AppError(
      401,
      'second_factor_clock_skew',
      'This code is not the current one: the clock of your device seems wrong.',
    );
  }
  if (verdict !== 'accepted') {
    throw new AppError(401, 'second_factor_invalid', 'The code was not accepted.');
  }
  return factorAdded(ctx, owner, first, { kind: 'totp' });
}

export function confirmMyTotp(ctx: ServiceContext, code: string, now: Date) {
  return confirmTotpFor(ctx, ctx.actor, code, now);
}

async function factorAdded(
  ctx: { tx: Tx; requestId: string; actor: { id: string } },
  owner: Owner,
  first: boolean,
  factor: { kind: 'totp' } | { kind: 'passkey'; id: string; name: string },
): Promise<FactorAdded> {
  const recoveryCodes = first ? await issueRecoveryCodes(ctx.tx, owner.id) : null;
  await recordAudit(ctx, {
    action: 'second_factor.added',
    entityType: 'user',
    entityId: owner.id,
    after: { ...factor, recoveryCodesIssued: recoveryCodes !== null },
  });
  await noticeFactorChanged(ctx.tx, owner, 'added', factor);
  return { recoveryCodes };
}

export async function removeMyTotp(ctx: ServiceContext): Promise<void> {
  if (!(await deleteTotp(ctx.tx, ctx.actor.id))) throw notFound('The authenticator app');
  await factorRemoved(ctx, { kind: 'totp' });
}

export function myPasskeyOptions(ctx: ServiceContext, now: Date) {
  return passkeyRegistrationOptions(ctx.tx, ctx.actor, now);
}

/** Keeps a passkey the browser has just made; audited and e-mailed as an authenticator app. */
export async function addMyPasskey(
  ctx: ServiceContext,
  input: RegisterPasskeyRequest,
  now: Date,
): Promise<FactorAdded & { passkey: Passkey }> {
  const first = !(await hasSecondFactor(ctx.tx, ctx.actor.id));
  const row = await registerPasskey(ctx.tx, ctx.actor.id, input, now);
  const added = await factorAdded(ctx, ctx.actor, first, {
    kind: 'passkey',
    id: row.id,
    name: row.name,
  });
  return { ...added, passkey: presentPasskey(row) };
}

export async function removeMyPasskey(ctx: ServiceContext, id: string): Promise<void> {
  const row = await deletePasskeyOf(ctx.tx, ctx.actor.id, id);
  if (!row) throw notFound('The passkey');
  await factorRemoved(ctx, { kind: 'passkey', id: row.id, name: row.name });
}

/** After a removal: audited, e-mailed; with no factor left the recovery codes go too. */
async function factorRemoved(
  ctx: ServiceContext,
  factor: { kind: 'totp' } | { kind: 'passkey'; id: string; name: string },
) {
  const none = !(await hasSecondFactor(ctx.tx, ctx.actor.id));
  if (none) await replaceRecoveryCodes(ctx.tx, ctx.actor.id, []);
  await recordAudit(ctx, {
    action: 'second_factor.removed',
    entityType: 'user',
    entityId: ctx.actor.id,
    before: factor,
    after: { secondFactorLeft: !none },
  });
  await noticeFactorChanged(ctx.tx, ctx.actor, 'removed', factor);
}

/** New recovery codes replace every earlier one; only for an account with a second factor. */
export async function regenerateMyRecoveryCodes(ctx: ServiceContext): Promise<RecoveryCodes> {
  if (!(await hasSecondFactor(ctx.tx, ctx.actor.id))) {
    throw new AppError(409, 'no_enrolment_pending', 'Set up a second factor first.');
  }
  const recoveryCodes = await issueRecoveryCodes(ctx.tx, ctx.actor.id);
  await recordAudit(ctx, {
    action: 'second_factor.recovery_codes_replaced',
    entityType: 'user',
    entityId: ctx.actor.id,
  });
  await noticeFactorChanged(ctx.tx, ctx.actor, 'added', { kind: 'recovery_codes' });
  return { recoveryCodes };
}
