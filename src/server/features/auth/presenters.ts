import type { ApiToken, Me } from '../../../contract/auth.js';
import type { Locale } from '../../../contract/common.js';
import { nationScopeOf, permissionsOf } from '../../../domain/access.js';
import type { apiTokens } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import type { UserRow } from './queries.js';

/** The user columns an actor is made of; the session lookup reads only these. */
export type ActorUser = Pick<
  UserRow,
  'id' | 'email' | 'displayName' | 'roles' | 'nationCode' | 'locale'
>;

export function actorFromUser(user: ActorUser, via: Actor['via']): Actor {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    nationCode: user.nationCode,
    locale: user.locale as Locale,
    permissions: permissionsOf(user.roles),
    scope: nationScopeOf(user),
    via,
  };
}

export function presentMe(actor: Actor): Me {
  return {
    user: {
      id: actor.id,
      email: actor.email,
      displayName: actor.displayName,
      roles: actor.roles,
      nationCode: actor.nationCode,
      locale: actor.locale,
    },
    permissions: [...actor.permissions].sort(),
    csrfToken: actor.via.kind === 'session' ? actor.via.csrfToken : null,
  };
}

export function presentToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
