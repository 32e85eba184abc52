import type {
  CreateIdentityProviderRequest,
  IdentityProposal,
  IdentityProvider,
  SignInProvider,
  UpdateIdentityProviderRequest,
} from '../../../contract/identity-providers.js';
import type { DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { auditedProvider, presentProvider } from './presenters.js';
import * as q from './queries.js';

export async function listProviders(ctx: ServiceContext): Promise<IdentityProvider[]> {
  return (await q.listProviderRows(ctx.tx)).map(presentProvider);
}

export async function getProvider(ctx: ServiceContext, id: string): Promise<IdentityProvider> {
  const row = await q.findProvider(ctx.tx, id);
  if (!row) throw notFound('The identity provider');
  return presentProvider(row);
}

/** Sets up a provider. Its secret is stored for the token endpoint and never shown again. */
export async function createProvider(
  ctx: ServiceContext,
  input: CreateIdentityProviderRequest,
): Promise<IdentityProvider> {
  try {
    const row = await q.insertProvider(ctx.tx, {
      key: input.key,
      displayName: input.displayName,
      issuer: input.issuer.replace(/\/+$/, ''),
      clientId: input.clientId,
      clientSecret: input.clientSecret ?? null,
      scopes: [...new Set(input.scopes ?? ['openid', 'email', 'profile'])],
      claimMapping: {
        email: input.claimMapping?.email ?? 'email',
        emailVerified: input.claimMapping?.emailVerified ?? 'email_verified',
        name: input.claimMapping?.name ?? 'name',
        proposal: input.claimMapping?.proposal ?? null,
      },
      enabled: input.enabled ?? true,
    });
    await recordAudit(ctx, {
      action: 'identity_provider.created',
      entityType: 'identity_provider',
      entityId: row.id,
      after: auditedProvider(row),
    });
    return presentProvider(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'identity_provider_exists',
        `An identity provider with the key ${input.key} already exists.`,
      );
    }
    throw error;
  }
}

/** Changes a provider; an absent secret keeps the stored one, `null` removes it. */
export async function updateProvider(
  ctx: ServiceContext,
  id: string,
  input: UpdateIdentityProviderRequest,
): Promise<IdentityProvider> {
  const existing = await q.findProvider(ctx.tx, id);
  if (!existing) throw notFound('The identity provider');
  const row = await q.updateProvider(ctx.tx, id, {
    ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
    ...(input.issuer !== undefined ? { issuer: input.issuer.replace(/\/+$/, '') } : {}),
    ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
    ...(input.clientSecret !== undefined ? { clientSecret: input.clientSecret } : {}),
    ...(input.scopes !== undefined ? { scopes: [...new Set(input.scopes)] } : {}),
    ...(input.claimMapping !== undefined
      ? {
          claimMapping: {
            email: input.claimMapping.email ?? 'email',
            emailVerified: input.claimMapping.emailVerified ?? 'email_verified',
            name: input.claimMapping.name ?? 'name',
            proposal: input.claimMapping.proposal ?? null,
          },
        }
      : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
  });
  if (!row) throw notFound('The identity provider');
  await recordAudit(ctx, {
    action: 'identity_provider.updated',
    entityType: 'identity_provider',
    entityId: id,
    before: auditedProvider(existing),
    // Whether the secret changed, never what it is.
    after: { ...auditedProvider(row), clientSecretChanged: input.clientSecret !== undefined },
  });
  return presentProvider(row);
}

/** Removes a provider with the identities bound through it; its users sign in otherwise. */
export async function deleteProvider(ctx: ServiceContext, id: string): Promise<void> {
  const row = await q.deleteProvider(ctx.tx, id);
  if (!row) throw notFound('The identity provider');
  await recordAudit(ctx, {
    action: 'identity_provider.deleted',
    entityType: 'identity_provider',
    entityId: id,
    before: auditedProvider(row),
  });
}

/** Roles and nation providers proposed for users, for an administrator to decide on. */
export async function listProposals(ctx: ServiceContext): Promise<IdentityProposal[]> {
  const rows = await q.listProposals(ctx.tx);
  return rows.flatMap((row) =>
    row.proposal
      ? [
          {
            userId: row.userId,
            email: row.email,
            providerKey: row.providerKey,
            roles: row.proposal.roles,
            nationCode: row.proposal.nationCode,
            at: (row.at ?? row.boundAt).toISOString(),
          },
        ]
      : [],
  );
}

/** The enabled providers, for the sign-in page's buttons. */
export async function listSignInProviders(db: DbOrTx): Promise<SignInProvider[]> {
  return q.listEnabledProviders(db);
}
