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
export const Me = z.object({
  user: CurrentUser,
  permissions: z.array(Permission),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

/** Minimum length follows NIST SP 800-63B: length matters, composition rules do not. */
export const NewPassword = z.string().min(12).max(200);

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const UpdatePreferencesRequest = z.strictObject({ locale: Locale });
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequest>;

export const CreateApiTokenRequest = z.strictObject({
  name: text().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const ApiToken = z.object({
  id: Uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** Returned once, at creation: the secret is never shown again. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
