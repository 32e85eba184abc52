import * as oidc from 'openid-client';
import type { Me } from '../../../contract/auth.js';
import type { SsoRefusal } from '../../../contract/identity-providers.js';
import { isVerifiedClaim, proposalFromClaim, textClaim } from '../../../domain/sso-claims.js';
import type { Tx } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { openSession } from '../auth/open-session.js';
import { presentMe } from '../auth/presenters.js';
import { hashToken, safeEqual } from '../auth/secrets.js';
import {
  classifyProviderError,
  describeProviderError,
  providerConfiguration,
} from './oidc-client.js';
import { redirectUri } from './presenters.js';
import * as q from './queries.js';
import type { SsoRequest } from './start.js';

export type CallbackResult =
  | { ok: true; me: Me; sessionToken: string; expiresAt: Date; returnTo: string | null }
  | { ok: false; refusal: SsoRefusal };

interface CallbackRequest extends SsoRequest {
  /** The query string the provider sent the browser back with, `?` included. */
  search: string;
  /** The browser cookie set when the sign-in started. */
  browserToken: string | undefined;
  userAgent: string | null;
  sessionHours: number;
}

class Refusal extends Error {
  constructor(
    readonly refusal: SsoRefusal,
    readonly detail: string,
    readonly userId: string | null = null,
  ) {
    super(detail);
  }
}

/**
 * Completes a sign-in at a provider: the state is taken (once) and must come from the browser
 * that started it; openid-client exchanges the code with the PKCE verifier and checks the ID
 * token (signature, issuer, audience, expiry within the clock tolerance, nonce). The user is the
 * one bound to the provider's subject, or, the first time, the active user with the provider's
 * verified e-mail, who is then bound. Roles and nation stay Rabita's. Every refusal is audited
 * with its reason, and opens no session.
 */
export async function completeSsoSignIn(opts: CallbackRequest): Promise<CallbackResult> {
  const params = new URLSearchParams(opts.search);
  const state = params.get('state');
  const flow = state ? await q.takeSignIn(opts.db, hashToken(state)) : undefined;
  const provider = flow ? await q.findProvider(opts.db, flow.providerId) : undefined;
  try {
    if (!state || !flow) throw new Refusal('state_invalid', 'unknown or already used state');
    if (flow.expiresAt <= opts.now) throw new Refusal('state_invalid', 'sign-in took too long');
    if (!opts.browserToken || !safeEqual(hashToken(opts.browserToken), flow.browserHash)) {
      throw new Refusal('state_invalid', 'the callback came to another browser');
    }
    if (!provider?.enabled) throw new Refusal('provider_unknown', 'provider removed or disabled');
    if (params.has('error')) {
      const error = textClaim(params.get('error')) ?? 'error';
      throw new Refusal('provider_error', `the provider answered ${error.slice(0, 100)}`);
    }
    let config: oidc.Configuration;
    try {
      config = await providerConfiguration(provider, opts.clockToleranceSeconds);
    } catch (error) {
      throw new Refusal('provider_unavailable', describeProviderError(error));
    }
    const tokens = await oidc
      .authorizationCodeGrant(config, new URL(`${redirectUri()}${opts.search}`), {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      .catch((error: unknown) => {
        throw new Refusal(classifyProviderError(error), describeProviderError(error));
      });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new Refusal('token_invalid', 'no ID token');
    const issuer = config.serverMetadata().issuer;
    const subject = idClaims.sub;
    let claims: Record<string, unknown> = { ...idClaims };
    const mapping = provider.claimMapping;
    // Providers that keep the ID token small put the profile at the userinfo endpoint.
    if (claims[mapping.email] === undefined && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc
        .fetchUserInfo(config, tokens.access_token, subject)
        .catch((error: unknown) => {
          throw new Refusal(classifyProviderError(error), describeProviderError(error));
        });
      claims = { ...info, ...claims };
    }
    const idToken = tokens.id_token;
    return await opts.db.transaction(async (tx) => {
      const user = await matchUser(tx, opts, {
        providerId: provider.id,
        issuer,
        subject,
        email: textClaim(claims[mapping.email]),
        emailVerified: isVerifiedClaim(claims[mapping.emailVerified]),
        proposal: mapping.proposal ? proposalFromClaim(claims[mapping.proposal]) : null,
        providerKey: provider.key,
      });
      const opened = await openSession(tx, user, {
        userAgent: opts.userAgent,
        sessionHours: opts.sessionHours,
        now: opts.now,
        sso: { providerId: provider.id, idToken },
      });
      await recordAudit(
        { tx, actor: { id: user.id }, requestId: opts.requestId },
        {
          action: 'auth.sso_sign_in',
          entityType: 'user',
          entityId: user.id,
          after: { provider: provider.key, address: opts.address },
        },
      );
      return {
        ok: true as const,
        me: presentMe(opened.actor),
        sessionToken: opened.sessionToken,
        expiresAt: opened.expiresAt,
        returnTo: flow.returnTo,
      };
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await opts.db.transaction((tx) =>
      recordAudit(
        { tx, actor: null, requestId: opts.requestId },
        {
          action: 'auth.sso_refused',
          entityType: error.userId ? 'user' : 'identity_provider',
          entityId: error.userId ?? provider?.id ?? 'unknown',
          after: {
            provider: provider?.key ?? null,
            reason: error.refusal,
            detail: error.detail,
            address: opts.address,
          },
        },
      ),
    );
    return { ok: false, refusal: error.refusal };
  }
}

interface ProviderIdentity {
  providerId: string;
  providerKey: string;
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  proposal: ReturnType<typeof proposalFromClaim>;
}

/**
 * The Rabita user behind a provider's identity. A bound subject decides alone (a changed e-mail
 * at the provider does not move it to another account); an unbound one needs a verified e-mail
 * of an active user not yet bound to another subject of this provider.
 */
async function matchUser(tx: Tx, opts: CallbackRequest, who: ProviderIdentity) {
  const bound = await q.findBoundUser(tx, who.issuer, who.subject);
  if (bound) {
    if (!bound.user.active) throw new Refusal('no_account', 'account inactive', bound.user.id);
    await q.updateIdentity(tx, bound.identity.id, {
      lastSignInAt: opts.now,
      ...(who.proposal ? { proposal: who.proposal } : {}),
    });
    await auditProposal(tx, opts, who, bound.user.id, bound.identity.proposal);
    return bound.user;
  }
  if (!who.email) throw new Refusal('email_unverified', 'the provider sent no e-mail');
  if (!who.emailVerified) {
    throw new Refusal('email_unverified', `the provider has not verified ${who.email}`);
  }
  const user = await q.findUserByEmail(tx, who.email);
  if (!user?.active) throw new Refusal('no_account', `no active account for ${who.email}`);
  const other = await q.findIdentityOfUser(tx, user.id, who.providerId);
  if (other) {
    throw new Refusal('no_account', 'the account is bound to another subject', user.id);
  }
  await q.insertIdentity(tx, {
    userId: user.id,
    providerId: who.providerId,
    issuer: who.issuer,
    subject: who.subject,
    proposal: who.proposal,
    lastSignInAt: opts.now,
  });
  await recordAudit(
    { tx, actor: { id: user.id }, requestId: opts.requestId },
    {
      action: 'user.identity_bound',
      entityType: 'user',
      entityId: user.id,
      after: { provider: who.providerKey, issuer: who.issuer, subject: who.subject },
    },
  );
  await auditProposal(tx, opts, who, user.id, null);
  return user;
}

/** A new or changed proposal is recorded for administrators; the user's roles do not move. */
async function auditProposal(
  tx: Tx,
  opts: CallbackRequest,
  who: ProviderIdentity,
  userId: string,
  previous: { roles: string[]; nationCode: string | null } | null,
) {
  if (!who.proposal || JSON.stringify(who.proposal) === JSON.stringify(previous)) return;
  await recordAudit(
    { tx, actor: { id: userId }, requestId: opts.requestId },
    {
      action: 'user.roles_proposed',
      entityType: 'user',
      entityId: userId,
      before: previous,
      after: { provider: who.providerKey, ...who.proposal },
    },
  );
}
