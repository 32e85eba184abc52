import { z } from 'zod';
import { NewPassword } from './auth.js';
import { IsoDateTime, Locale, Uuid } from './common.js';
import { Role } from './roles.js';
import { text } from './text.js';

export const NationCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. KWT');

export const User = z
  .object({
    id: Uuid,
    email: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    nationCode: NationCode.nullable(),
    locale: Locale,
    active: z.boolean(),
    /** Signs in only through an identity provider; password sign-in and reset are refused. */
    ssoOnly: z.boolean(),
    createdAt: IsoDateTime,
    lastSignInAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const CreateUserRequest = z.strictObject({
  email: z.email().max(254),
  displayName: text().trim().min(1).max(120),
  roles: z.array(Role).min(1).max(8),
  nationCode: NationCode.nullable().default(null),
  locale: Locale.default('en'),
  password: NewPassword,
  ssoOnly: z.boolean().default(false),
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .strictObject({
    displayName: text().trim().min(1).max(120),
    roles: z.array(Role).min(1).max(8),
    nationCode: NationCode.nullable(),
    active: z.boolean(),
    ssoOnly: z.boolean(),
  })
  .partial();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.strictObject({ newPassword: NewPassword });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UserListQuery = z.strictObject({
  q: text().trim().max(100).optional(),
  role: Role.optional(),
  nationCode: NationCode.optional(),
  active: z.enum(['true', 'false']).optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** People who can be named on a session: what a session form needs, and nothing more. */
export const StaffMember = z.object({ id: Uuid, displayName: z.string() });
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffQuery = z.strictObject({ role: z.enum(['course_director', 'instructor']) });
export type StaffQuery = z.infer<typeof StaffQuery>;
