import type { Locale } from '../../../contract/common.js';
import type { User } from '../../../contract/users.js';
import type { UserRow } from './queries.js';

/** The API shape of a user: never the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    nationCode: row.nationCode,
    locale: row.locale as Locale,
    active: row.active,
    ssoOnly: row.ssoOnly,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}
