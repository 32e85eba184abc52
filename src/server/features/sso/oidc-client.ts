import * as oidc from 'openid-client';
import type { ProviderRow } from './queries.js';

/** How long a provider's discovery document is reused before it is read again. */
const DISCOVERY_TTL_MS = 10 * 60_000;
/** A provider that does not answer within this is reported as unavailable. */
const PROVIDER_TIMEOUT_SECONDS = 10;

const configurations = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

/** Loopback issuers may use plain http (a provider on the same machine, or tests); no other may. */
function isLoopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/**
 * The provider's configuration from its discovery document, kept a few minutes per provider and
 * version of its row (an edit is read at once). openid-client checks that the document's
 * `issuer` is the configured one, so a misconfigured issuer fails here, not at sign-in's end.
 */
export function providerConfiguration(
  provider: ProviderRow,
  clockToleranceSeconds: number,
  now = Date.now(),
): Promise<oidc.Configuration> {
  const cacheKey = `${provider.id}|${provider.updatedAt.getTime()}|${clockToleranceSeconds}`;
  const cached = configurations.get(cacheKey);
  if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.config;
  const issuer = new URL(provider.issuer);
  const metadata: Partial<oidc.ClientMetadata> = {
    [oidc.clockTolerance]: clockToleranceSeconds,
    ...(provider.clientSecret ? { client_secret: provider.clientSecret } : {}),
  };
  const config = oidc.discovery(
    issuer,
    provider.clientId,
    metadata,
    provider.clientSecret ? oidc.ClientSecretPost(provider.clientSecret) : oidc.None(),
    {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // The ID token's signature is checked against the provider's published keys, not only
      // trusted because it came over TLS from the token endpoint (which OIDC Core allows).
      execute: [
        oidc.enableNonRepudiationChecks,
        ...(isLoopback(issuer) ? [oidc.allowInsecureRequests] : []),
      ],
    },
  );
  configurations.set(cacheKey, { at: now, config });
  // A failure is not kept: the next attempt asks the provider again.
  config.catch(() => configurations.delete(cacheKey));
  return config;
}

/** What went wrong with a provider, in the words the sign-in page and the audit trail use. */
export type ProviderFailure = 'provider_unavailable' | 'provider_error' | 'token_invalid';

/**
 * Sorts an error from openid-client: the provider could not be reached (or answered with
 * something that is not OpenID Connect), the provider refused (an OAuth error answer), or what
 * it sent failed a check (signature, issuer, audience, expiry, nonce, state).
 */
export function classifyProviderError(error: unknown): ProviderFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'OAUTH_RESPONSE_BODY_ERROR' || code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') {
    return 'provider_error';
  }
  if (
    error instanceof TypeError ||
    (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name)) ||
    code === 'OAUTH_RESPONSE_IS_NOT_JSON' ||
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    code === 'OAUTH_INVALID_SERVER_METADATA' ||
    code === 'OAUTH_HTTP_REQUEST_FORBIDDEN' ||
    code === 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN'
  ) {
    return 'provider_unavailable';
  }
  return 'token_invalid';
}

/** One line about a provider error for the audit trail: its code and message, never a token. */
export function describeProviderError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${error.message}${cause}`.slice(0, 300);
}
