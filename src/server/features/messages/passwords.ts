import { ERROR_CODES } from '../../../contract/errors.js';
import type { PasswordResetComplete } from '../../../contract/messages.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { assertAcceptablePassword } from '../auth/password-check.js';
import { findUserByEmail, updateUserColumns } from '../auth/queries.js';
import { hashPassword, hashToken } from '../auth/secrets.js';
import { signOutEverywhere } from '../auth/sign-out-everywhere.js';
import { selectPasswordTokenForUpdate, useTokensOfUser } from './account-queries.js';
import { passwordLink } from './links.js';
import { queueEmail } from './outbox.js';
import { issuePasswordToken } from './tokens.js';

interface PublicRequest {
  db: Database;
  requestId: string;
  now: Date;
}

/**
 * Sends a reset link when the e-mail belongs to an active account, and does nothing otherwise.
 * The caller answers the same in both cases, so the form tells no one who has an account.
 */
export async function requestPasswordReset(opts: PublicRequest & { email: string }): Promise<void> {
  const user = await findUserByEmail(opts.db, opts.email);
  if (!user?.active) return;
  if (user.ssoOnly) {
    // The same answer as for anyone else; the trail says why no link went out.
    await opts.db.transaction((tx) =>
      recordAudit(
        { tx, requestId: opts.requestId, actor: null },
        {
          action: 'user.password_reset_refused',
          entityType: 'user',
          entityId: user.id,
          after: { reason: 'sso_only' },
        },
      ),
    );
    return;
  }
  await opts.db.transaction(async (tx) => {
    const token = await issuePasswordToken(tx, user.id, 'reset', opts.now);
    await queueEmail(tx, {
      event: 'password-reset',
      locale: user.locale === 'fr' || user.locale === 'ar' ? user.locale : 'en',
      to: user.email,
      userId: user.id,
      variables: { recipientName: user.displayName, link: passwordLink(token) },
    });
    await recordAudit(
      { tx, requestId: opts.requestId, actor: null },
      { action: 'user.password_reset_requested', entityType: 'user', entityId: user.id },
    );
  });
}

const tokenProblem = (
  code: 'token_invalid' | 'token_used' | 'token_expired',
  detail: string,
  message: string,
) => new AppError(ERROR_CODES[code].status, code, detail, [{ field: 'token', message, code }]);

/**
 * Sets the password from a one-time link (a reset or an invitation). The link is spent, every
 * other open link of the account too; every signed-in session of the account ends and every
 * API token is revoked.
 */
export async function completePasswordReset(
  opts: PublicRequest & { input: PasswordResetComplete },
): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const row = await selectPasswordTokenForUpdate(tx, hashToken(opts.input.token));
    // A link issued before the account became SSO-only sets no password either.
    if (!row?.user.active || row.user.ssoOnly) {
      throw tokenProblem('token_invalid', 'This link is not valid.', 'is not a valid link');
    }
    if (row.token.usedAt) {
      throw tokenProblem('token_used', 'This link has already been used.', 'was already used');
    }
    if (row.token.expiresAt <= opts.now) {
      throw tokenProblem('token_expired', 'This link has expired.', 'has expired');
    }
    assertAcceptablePassword(opts.input.newPassword, row.user, 'newPassword');
    const userId = row.token.userId;
    await updateUserColumns(tx, userId, {
      passwordHash: await hashPassword(opts.input.newPassword),
    });
    await useTokensOfUser(tx, userId, opts.now);
    const ctx = { tx, requestId: opts.requestId, actor: { id: userId } };
    const ended = await signOutEverywhere(ctx, {
      userId,
      reason: 'password_set_by_link',
      now: opts.now,
    });
    await recordAudit(ctx, {
      action: 'user.password_set_by_link',
      entityType: 'user',
      entityId: userId,
      after: { purpose: row.token.purpose, ...ended },
    });
  });
}
