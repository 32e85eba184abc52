import { z } from 'zod';
import { IsoDateTime, Locale, Uuid } from './common.js';
import { Permission, Role } from './roles.js';
import { text } from './text.js';

export const LoginRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  nationCode: z.string().nullable(),
  locale: Locale,
});
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Who am I: the user, what they may do, and the CSRF token cookie-authenticated writes must echo. */
export const Me = z
  .object({
    user: CurrentUser,
    permissions: z.array(Permission),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/**
 * NIST SP 800-63B-4 for a password that is the only factor: at least 15 characters, at least 64
 * allowed, any character, no composition rules. The server also refuses common, repetitive,
 * sequential and personal passwords (`src/domain/password-policy.ts`), with these field codes.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 200;
export const PASSWORD_PROBLEMS = [
  'password_too_short',
  'password_only_spaces',
  'password_repetitive',
  'password_sequential',
  'password_personal',
  'password_too_common',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UpdatePreferencesRequest = z.strictObject({ locale: Locale });
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequest>;

/**
 * The longest an API token may live. A token is a password that never changes and that scripts
 * keep in files; 90 days bounds how long a leaked one stays useful (see docs/decisions.md).
 */
export const API_TOKEN_MAX_DAYS = 90;

export const CreateApiTokenRequest = z.strictObject({
  name: text().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(API_TOKEN_MAX_DAYS),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const ApiToken = z
  .object({
    id: Uuid,
    name: z.string(),
    prefix: z.string(),
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
    lastUsedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
