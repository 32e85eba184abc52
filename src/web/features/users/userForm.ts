import { NATION_SCOPED_ROLES, type Role } from '../../../contract/index.js';
import i18n from '../../i18n/index.js';
import type { FieldErrors } from '../../lib/validation.js';

/** Nation-scoped roles see only their nation's records, so they cannot exist without one. */
export function needsNation(roles: readonly string[]): boolean {
  return roles.some((role) => NATION_SCOPED_ROLES.includes(role as Role));
}

export function nationRule(roles: readonly string[], nationCode: string | null): FieldErrors {
  return needsNation(roles) && !nationCode ? { nationCode: i18n.t('users.nationRequired') } : {};
}
