import { z } from 'zod';

/** The roles of DOMAIN.md. A user may hold several. */
export const ROLES = [
  'administrator',
  'registrar',
  'course_director',
  'instructor',
  'npoc',
  'nominator',
  'participant',
  'observer',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles whose holder belongs to one partner nation and sees only that nation's records. */
export const NATION_SCOPED_ROLES: readonly Role[] = ['npoc', 'nominator', 'participant'];

/**
 * Every permission a route can demand. `public` marks routes anyone may call
 * (sign-in, health); `authenticated` any signed-in user.
 */
export const PERMISSIONS = [
  'public',
  'authenticated',
  'users.read',
  'users.manage',
  'identity_providers.manage',
  'webhooks.manage',
  'audit.read',
  'partners.read',
  'partners.manage',
  'contacts.manage',
  'catalogue.read',
  'catalogue.manage',
  'sessions.read',
  'sessions.manage',
  'participants.read',
  'participants.manage',
  'imports.run',
  'nominations.read',
  'nominations.propose',
  'nominations.submit',
  'nominations.decide',
  'nominations.override',
  'logistics.read',
  'logistics.manage',
  'messages.manage',
  'jobs.manage',
  'attendance.mark',
  'results.manage',
  'results.reopen',
  'surveys.manage',
  'surveys.results',
  'certificates.issue',
  'certificates.revoke',
  'delivery.read',
  'programmes.read',
  'programmes.edit',
  'programmes.agree',
  'reports.read',
  'search.read',
  'visa-letters.issue',
  'visa-letters.read',
  'nation-reports.read',
  'lecturers.read',
  'lecturers.manage',
  'rooms.read',
  'plans.manage',
  'documents.read',
  'documents.manage',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;
