import { type AuditContext, recordAudits } from '../audit/record.js';
import { presentToken } from './presenters.js';
import { deleteSessionsOfUser, revokeTokensOfUser } from './queries.js';

/** Why an account's sign-ins end; kept on each revoked token's audit record. */
export type SignOutReason =
  | 'password_changed'
  | 'password_reset'
  | 'password_set_by_link'
  | 'deactivated';

/**
 * Ends every way into an account after its password changes or it is deactivated: its cookie
 * sessions (all but `keepSession`, the one a user changing their own password acts from) and
 * its API tokens. Tokens are revoked for good, not merely blocked while the account is inactive,
 * so re-activating the account does not bring back a token someone else may hold. Runs in the
 * caller's transaction and audits each revoked token.
 */
export async function signOutEverywhere(
  ctx: AuditContext,
  opts: { userId: string; reason: SignOutReason; now: Date; keepSession?: string },
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const sessionsEnded = await deleteSessionsOfUser(ctx.tx, opts.userId, opts.keepSession);
  const revoked = await revokeTokensOfUser(ctx.tx, opts.userId, opts.now);
  await recordAudits(
    ctx,
    revoked.map((row) => ({
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: row.id,
      before: presentToken(row),
      after: { reason: opts.reason },
    })),
  );
  return { sessionsEnded, tokensRevoked: revoked.length };
}
