import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { deleteSessionsOfUser, findUserById } from '../auth/queries.js';
import type { ServiceContext } from '../context.js';
import { noticeFactorsReset } from './notices.js';
import {
  countUnusedRecoveryCodes,
  deletePasskeysOf,
  deletePendingSignInsOf,
  deleteTotp,
  replaceRecoveryCodes,
} from './queries.js';

/**
 * An administrator's answer to a lost second factor: every factor of the account goes
 * (authenticator app, passkeys, recovery codes), as do its half-done and open sign-ins; the
 * owner is e-mailed and the reset audited. API tokens stay: they never asked for a second
 * factor. At the next sign-in a role that requires one sets up a new one.
 */
export async function resetSecondFactors(ctx: ServiceContext, userId: string): Promise<void> {
  const user = await findUserById(ctx.tx, userId);
  if (!user) throw notFound('The user');
  const recoveryCodesLeft = await countUnusedRecoveryCodes(ctx.tx, userId);
  const totp = await deleteTotp(ctx.tx, userId);
  const passkeys = await deletePasskeysOf(ctx.tx, userId);
  await replaceRecoveryCodes(ctx.tx, userId, []);
  await deletePendingSignInsOf(ctx.tx, userId);
  const sessionsEnded = await deleteSessionsOfUser(ctx.tx, userId);
  await recordAudit(ctx, {
    action: 'second_factors.reset',
    entityType: 'user',
    entityId: userId,
    before: { totp, passkeys, recoveryCodesLeft },
    after: { sessionsEnded },
  });
  await noticeFactorsReset(ctx.tx, user);
}
