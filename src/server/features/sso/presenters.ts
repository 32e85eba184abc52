import type { IdentityProvider } from '../../../contract/identity-providers.js';
import { publicUrl } from '../messages/links.js';
import type { ProviderRow } from './queries.js';

/** Where every provider sends users back; the same for all, registered at each provider. */
export function redirectUri(): string {
  return `${publicUrl()}/api/v1/auth/oidc/callback`;
}

/** The API shape of a provider: whether a secret is stored, never the secret. */
export function presentProvider(row: ProviderRow): IdentityProvider {
  return {
    id: row.id,
    key: row.key,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret !== null,
    scopes: row.scopes,
    claimMapping: row.claimMapping,
    enabled: row.enabled,
    redirectUri: redirectUri(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit record keeps of a provider: the presented shape, so never its secret. */
export function auditedProvider(row: ProviderRow) {
  const { redirectUri: _, createdAt: __, updatedAt: ___, ...rest } = presentProvider(row);
  return rest;
}
