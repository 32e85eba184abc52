import { ROLES, type Role } from '../contract/roles.js';

/**
 * Whether a provider's e-mail-verified claim says yes. Only `true` (or the text `"true"`, which
 * some providers send) counts: an absent claim is not a verified e-mail.
 */
export function isVerifiedClaim(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A claim's text value, or null when it is absent or not a non-empty string. */
export function textClaim(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export interface RoleProposal {
  roles: Role[];
  nationCode: string | null;
}

/**
 * Reads the roles and nation a provider proposes from one claim: a list (or a space- or
 * comma-separated text) whose items are Rabita role names or a nation's ISO alpha-3 code, with or
 * without a `rabita:` prefix. Anything else is ignored; nothing proposed gives null. A proposal is
 * shown to an administrator, never granted.
 */
export function proposalFromClaim(value: unknown): RoleProposal | null {
  const items = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  const roles = new Set<Role>();
  let nationCode: string | null = null;
  for (const raw of items) {
    const item = raw.trim().replace(/^rabita:/i, '');
    const role = ROLES.find((r) => r === item.toLowerCase());
    if (role) roles.add(role);
    else if (/^[A-Za-z]{3}$/.test(item) && nationCode === null) nationCode = item.toUpperCase();
  }
  if (roles.size === 0 && nationCode === null) return null;
  return { roles: [...roles].sort(), nationCode };
}
