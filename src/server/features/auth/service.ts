import type {
  ChangePasswordRequest,
  CreateApiTokenRequest,
  CreatedApiToken,
  Me,
  UpdatePreferencesRequest,
} from '../../../contract/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { assertAcceptablePassword } from './password-check.js';
import { actorFromUser, presentMe, presentToken } from './presenters.js';
import * as q from './queries.js';
import { hashPassword, hashToken, newApiToken, verifyPassword } from './secrets.js';
import { signOutEverywhere } from './sign-out-everywhere.js';

/**
 * Ends the caller's session. A single sign-on session gives back its provider and ID token, so
 * the caller can send the browser to the provider's sign-out as well.
 */
export async function signOut(
  ctx: ServiceContext,
): Promise<{ identityProviderId: string; idToken: string } | null> {
  if (ctx.actor.via.kind !== 'session') return null;
  const ended = await q.deleteSession(ctx.tx, ctx.actor.via.tokenHash);
  await recordAudit(ctx, { action: 'auth.sign_out', entityType: 'user', entityId: ctx.actor.id });
  return ended?.identityProviderId && ended.idToken
    ? { identityProviderId: ended.identityProviderId, idToken: ended.idToken }
    : null;
}

/**
 * Changes one's own password. Every other session of the account ends and every API token is
 * revoked: whoever knew the old password may have made either.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: ChangePasswordRequest,
): Promise<void> {
  const user = await q.findUserById(ctx.tx, ctx.actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(400, 'wrong_password', 'The current password is not correct.', [
      { field: 'currentPassword', message: 'is not correct', code: 'wrong_password' },
    ]);
  }
  assertAcceptablePassword(input.newPassword, user, 'newPassword');
  await q.updateUserColumns(ctx.tx, user.id, {
    passwordHash: await hashPassword(input.newPassword),
  });
  const ended = await signOutEverywhere(ctx, {
    userId: user.id,
    reason: 'password_changed',
    now: new Date(),
    keepSession: ctx.actor.via.kind === 'session' ? ctx.actor.via.tokenHash : undefined,
  });
  await recordAudit(ctx, {
    action: 'user.password_changed',
    entityType: 'user',
    entityId: user.id,
    after: ended,
  });
}

export async function updatePreferences(
  ctx: ServiceContext,
  input: UpdatePreferencesRequest,
): Promise<Me> {
  const before = { locale: ctx.actor.locale };
  const user = await q.updateUserColumns(ctx.tx, ctx.actor.id, { locale: input.locale });
  if (!user) throw notFound('The user');
  await recordAudit(ctx, {
    action: 'user.preferences_updated',
    entityType: 'user',
    entityId: user.id,
    before,
    after: { locale: input.locale },
  });
  return presentMe(actorFromUser(user, ctx.actor.via));
}

export async function listApiTokens(ctx: ServiceContext) {
  return (await q.listTokens(ctx.tx, ctx.actor.id)).map(presentToken);
}

/**
 * Creates a personal API token for the signed-in user. Only a person signed in with their
 * password may: a token that could mint tokens would outlive its own expiry and revocation.
 */
export async function createApiToken(
  ctx: ServiceContext,
  input: CreateApiTokenRequest,
  now: Date,
): Promise<CreatedApiToken> {
  if (ctx.actor.via.kind === 'token') {
    throw new AppError(
      403,
      'token_cannot_mint',
      'An API token cannot create API tokens; sign in with your password to create one.',
    );
  }
  const { token, prefix } = newApiToken();
  const row = await q.insertToken(ctx.tx, {
    userId: ctx.actor.id,
    name: input.name,
    prefix,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
  });
  const presented = presentToken(row);
  await recordAudit(ctx, {
    action: 'api_token.created',
    entityType: 'api_token',
    entityId: row.id,
    after: presented,
  });
  return { ...presented, token };
}

export async function revokeApiToken(ctx: ServiceContext, tokenId: string, now: Date) {
  const row = await q.revokeToken(ctx.tx, ctx.actor.id, tokenId, now);
  if (!row) throw notFound('The API token');
  await recordAudit(ctx, {
    action: 'api_token.revoked',
    entityType: 'api_token',
    entityId: row.id,
    before: presentToken(row),
  });
}
