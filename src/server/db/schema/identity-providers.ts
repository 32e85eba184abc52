import {
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClaimMapping } from '../../../contract/identity-providers.js';
import { users } from './people.js';

/**
 * The OpenID Connect providers an administrator set up for single sign-on. The client secret is
 * write-only through the API: it is read here to call the provider's token endpoint and never
 * presented.
 */
export const identityProviders = pgTable(
  'identity_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The provider's slug in URLs (`/api/v1/auth/oidc/<key>/start`). */
    key: text('key').notNull(),
    displayName: text('display_name').notNull(),
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret'),
    scopes: text('scopes').array().notNull(),
    claimMapping: jsonb('claim_mapping').$type<ClaimMapping>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('identity_providers_key_key').on(t.key)],
);

/**
 * A provider's subject bound to a Rabita user on the first sign-in matched by verified e-mail;
 * later sign-ins match by the subject alone. `proposal` keeps the roles and nation a mapped claim
 * proposed, for an administrator to read: they are never granted from it.
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    proposal: jsonb('proposal').$type<{ roles: string[]; nationCode: string | null }>(),
    boundAt: timestamp('bound_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('user_identities_subject_key').on(t.issuer, t.subject),
    // One subject per provider and user: a second account at the same provider is not bound.
    uniqueIndex('user_identities_user_provider_key').on(t.userId, t.providerId),
  ],
);

/**
 * A sign-in under way at a provider: state (its hash is the key), nonce and PKCE verifier, and
 * the hash of the browser cookie that started it. Used once: the callback deletes the row it
 * reads, so a replayed callback finds nothing.
 */
export const oidcSignIns = pgTable(
  'oidc_sign_ins',
  {
    stateHash: text('state_hash').primaryKey(),
    browserHash: text('browser_hash').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => identityProviders.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_sign_ins_expires_idx').on(t.expiresAt)],
);
