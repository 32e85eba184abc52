import * as oidc from 'openid-client';
import type { Database } from '../../db/client.js';
import { publicUrl } from '../messages/links.js';
import { providerConfiguration } from './oidc-client.js';
import * as q from './queries.js';

/**
 * Where to send the browser so the provider ends its own session too (RP-initiated logout), when
 * the provider's discovery document offers an `end_session_endpoint`; null when it does not, or
 * cannot be reached (the local session has ended either way).
 */
export async function providerSignOutUrl(
  db: Database,
  sso: { identityProviderId: string; idToken: string },
  clockToleranceSeconds: number,
): Promise<string | null> {
  const provider = await q.findProvider(db, sso.identityProviderId);
  if (!provider?.enabled) return null;
  try {
    const config = await providerConfiguration(provider, clockToleranceSeconds);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, {
      id_token_hint: sso.idToken,
      post_logout_redirect_uri: `${publicUrl()}/sign-in`,
    }).href;
  } catch {
    return null;
  }
}
