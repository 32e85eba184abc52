import * as oidc from 'openid-client';
import type { SsoRefusal } from '../../../contract/identity-providers.js';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { hashToken, newSecret } from '../auth/secrets.js';
import { describeProviderError, providerConfiguration } from './oidc-client.js';
import { redirectUri } from './presenters.js';
import * as q from './queries.js';

/** How long a user has at the provider between leaving and coming back. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

export interface SsoRequest {
  db: Database;
  address: string;
  requestId: string;
  now: Date;
  clockToleranceSeconds: number;
}

export type StartResult =
  | { ok: true; location: string; browserToken: string }
  | { ok: false; refusal: SsoRefusal };

/** A path of this site to return to after sign-in; anything else (another site) is dropped. */
export function safeReturnPath(value: string | undefined): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  return value.slice(0, 500);
}

/**
 * Starts a sign-in at a provider: a fresh state, nonce and PKCE verifier are kept in PostgreSQL
 * (any app server may get the callback) with the hash of a browser cookie, so the callback is
 * accepted only once and only from the browser that started it.
 */
export async function startSsoSignIn(
  opts: SsoRequest & { key: string; returnTo: string | undefined },
): Promise<StartResult> {
  const provider = await q.findEnabledProviderByKey(opts.db, opts.key);
  if (!provider) return { ok: false, refusal: 'provider_unknown' };
  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(provider, opts.clockToleranceSeconds);
  } catch (error) {
    await opts.db.transaction((tx) =>
      recordAudit(
        { tx, actor: null, requestId: opts.requestId },
        {
          action: 'auth.sso_refused',
          entityType: 'identity_provider',
          entityId: provider.id,
          after: {
            provider: provider.key,
            reason: 'provider_unavailable',
            detail: describeProviderError(error),
            address: opts.address,
          },
        },
      ),
    );
    return { ok: false, refusal: 'provider_unavailable' };
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = newSecret();
  await opts.db.transaction(async (tx) => {
    await q.deleteExpiredSignIns(tx, opts.now);
    await q.insertSignIn(tx, {
      stateHash: hashToken(state),
      browserHash: hashToken(browserToken),
      providerId: provider.id,
      nonce,
      codeVerifier,
      returnTo: safeReturnPath(opts.returnTo),
      expiresAt: new Date(opts.now.getTime() + SIGN_IN_TTL_MS),
    });
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: provider.scopes.join(' '),
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { ok: true, location: url.href, browserToken };
}
