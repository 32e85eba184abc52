import type { Permission, Role } from '../contract/roles.js';
import { NATION_SCOPED_ROLES, PERMISSIONS } from '../contract/roles.js';

const EVERY_PERMISSION = PERMISSIONS.filter((p) => p !== 'public');

/** What each role may do. `authenticated` is implied for every signed-in user. */
const GRANTS: Record<Role, readonly Permission[]> = {
  administrator: EVERY_PERMISSION,
  registrar: [
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
    'nominations.decide',
    'nominations.override',
    'logistics.read',
    'logistics.manage',
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
    'lecturers.read',
    'lecturers.manage',
    'rooms.read',
    'plans.manage',
    'documents.read',
    'documents.manage',
  ],
  // Directors decide only on the sessions they direct; the services check which.
  course_director: [
    'partners.read',
    'catalogue.read',
    'sessions.read',
    'participants.read',
    'nominations.read',
    'nominations.decide',
    'logistics.read',
    'attendance.mark',
    'results.manage',
    'surveys.results',
    'certificates.issue',
    'delivery.read',
    'search.read',
    'lecturers.read',
    'rooms.read',
    'documents.read',
    'documents.manage',
  ],
  // Instructors mark attendance and read delivery data of their own sessions only.
  instructor: [
    'partners.read',
    'catalogue.read',
    'sessions.read',
    'logistics.read',
    'attendance.mark',
    'delivery.read',
    'search.read',
    'rooms.read',
    'documents.read',
  ],
  npoc: [
    'partners.read',
    'contacts.manage',
    'catalogue.read',
    'sessions.read',
    'participants.read',
    'participants.manage',
    'imports.run',
    'nominations.read',
    'nominations.propose',
    'nominations.submit',
    'logistics.read',
    'logistics.manage',
    'programmes.read',
    'programmes.edit',
    'reports.read',
    'search.read',
    'visa-letters.read',
    'nation-reports.read',
    'documents.read',
  ],
  nominator: [
    'partners.read',
    'catalogue.read',
    'sessions.read',
    'participants.read',
    'participants.manage',
    'nominations.read',
    'nominations.propose',
    'search.read',
    'documents.read',
  ],
  // A participant reaches only their own record and logistics; the services check whose.
  participant: [
    'partners.read',
    'catalogue.read',
    'sessions.read',
    'logistics.manage',
    'documents.read',
  ],
  observer: [
    'partners.read',
    'catalogue.read',
    'sessions.read',
    'participants.read',
    'nominations.read',
    'logistics.read',
    'surveys.results',
    'delivery.read',
    'programmes.read',
    'reports.read',
    'search.read',
    'documents.read',
  ],
};

/** The union of the permissions of a user's roles. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>(['authenticated']);
  for (const role of roles) for (const p of GRANTS[role]) granted.add(p);
  return granted;
}

/**
 * Which nations' records a user may see. Centre staff see all; anyone else who belongs to a
 * nation sees that nation only. An observer without a nation (e.g. alliance headquarters) sees all.
 */
export type NationScope = { kind: 'all' } | { kind: 'nation'; nationCode: string };

export function nationScopeOf(user: {
  roles: readonly Role[];
  nationCode: string | null;
}): NationScope {
  const centreStaff = user.roles.some((r) => r === 'administrator' || r === 'registrar');
  if (centreStaff || user.nationCode === null) return { kind: 'all' };
  return { kind: 'nation', nationCode: user.nationCode };
}

/** Why a role/nation combination is invalid, or null when it is fine. */
export function roleNationProblem(
  roles: readonly Role[],
  nationCode: string | null,
): string | null {
  const needsNation = roles.some((r) => NATION_SCOPED_ROLES.includes(r));
  if (needsNation && nationCode === null) {
    return 'a national point of contact, nominator or participant must belong to a nation';
  }
  const centreStaff = roles.some((r) => r === 'administrator' || r === 'registrar');
  if (centreStaff && needsNation) {
    return 'centre staff roles cannot be combined with nation-scoped roles';
  }
  return null;
}

/** True when the scope allows seeing the given nation's records. */
export function canSeeNation(scope: NationScope, nationCode: string): boolean {
  return scope.kind === 'all' || scope.nationCode === nationCode;
}
