import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.js';
import { storableText, text } from './text.js';

/** A claim's name in an ID token or the userinfo answer, e.g. `email` or `groups`. */
const ClaimName = z
  .string()
  .regex(/^[A-Za-z0-9_.:/-]{1,200}$/, 'must be a claim name, e.g. email or preferred_username');

/**
 * Which claims carry what. E-mail and name have the standard claims as defaults; the proposal
 * claim, when set, carries roles and nation an administrator may grant, never granted by itself.
 */
export const ClaimMapping = z
  .strictObject({
    email: ClaimName.default('email'),
    /** A claim that is `true` when the provider checked the e-mail (Entra ID: `xms_edov`). */
    emailVerified: ClaimName.default('email_verified'),
    name: ClaimName.default('name'),
    proposal: ClaimName.nullable().default(null),
  })
  .meta({ id: 'ClaimMapping' });
export type ClaimMapping = z.infer<typeof ClaimMapping>;

export const ProviderKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and hyphens, e.g. entra');

const Scope = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'must be one scope');

/** `openid` is always asked for; an e-mail is needed to match a user the first time. */
const Scopes = z
  .array(Scope)
  .min(1)
  .max(20)
  .refine((scopes) => scopes.includes('openid'), 'must include openid');

const IssuerUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .check(storableText)
  .refine((url) => !url.includes('?') && !url.includes('#'), 'must have no query or fragment');

export const IdentityProvider = z
  .object({
    id: Uuid,
    key: z.string(),
    displayName: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    /** The secret is never returned; only whether one is stored. */
    clientSecretSet: z.boolean(),
    scopes: z.array(z.string()),
    claimMapping: ClaimMapping,
    enabled: z.boolean(),
    /** Where the provider must send users back: register it at the provider. */
    redirectUri: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const CreateIdentityProviderRequest = z.strictObject({
  key: ProviderKey,
  displayName: text().trim().min(1).max(80),
  issuer: IssuerUrl,
  clientId: text().trim().min(1).max(300),
  clientSecret: text().min(1).max(2000).nullable().default(null),
  scopes: Scopes.default(['openid', 'email', 'profile']),
  claimMapping: ClaimMapping.default({
    email: 'email',
    emailVerified: 'email_verified',
    name: 'name',
    proposal: null,
  }),
  enabled: z.boolean().default(true),
});
export type CreateIdentityProviderRequest = z.input<typeof CreateIdentityProviderRequest>;

/** Every field optional; `clientSecret: null` removes the stored secret, absent keeps it. */
export const UpdateIdentityProviderRequest = z.strictObject({
  displayName: text().trim().min(1).max(80).optional(),
  issuer: IssuerUrl.optional(),
  clientId: text().trim().min(1).max(300).optional(),
  clientSecret: text().min(1).max(2000).nullable().optional(),
  scopes: Scopes.optional(),
  claimMapping: ClaimMapping.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateIdentityProviderRequest = z.input<typeof UpdateIdentityProviderRequest>;

/** What the sign-in page needs to draw a "Sign in with ..." button: nothing secret. */
export const SignInProvider = z.object({ key: z.string(), displayName: z.string() });
export type SignInProvider = z.infer<typeof SignInProvider>;

/** Roles and nation a provider's claim proposed for a user, for an administrator to decide on. */
export const IdentityProposal = z.object({
  userId: Uuid,
  email: z.string(),
  providerKey: z.string(),
  roles: z.array(z.string()),
  nationCode: z.string().nullable(),
  at: IsoDateTime,
});
export type IdentityProposal = z.infer<typeof IdentityProposal>;

/**
 * Why a single sign-on was refused, as the sign-in page reads it from `?sso=<reason>`. The page
 * says what to do; the audit trail keeps the detail.
 */
export const SSO_REFUSALS = [
  'provider_unknown',
  'provider_unavailable',
  'state_invalid',
  'provider_error',
  'token_invalid',
  'email_unverified',
  'no_account',
] as const;
export const SsoRefusal = z.enum(SSO_REFUSALS);
export type SsoRefusal = z.infer<typeof SsoRefusal>;

/** Sign-out of a single sign-on session whose provider offers RP-initiated logout. */
export const SignOutResult = z.object({ providerSignOutUrl: z.string() });
export type SignOutResult = z.infer<typeof SignOutResult>;
