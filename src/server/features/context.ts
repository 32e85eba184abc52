import type { Role } from '../../contract/roles.js';
import { nationScopeOf, permissionsOf } from '../../domain/access.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../http/actor.js';
import { SYSTEM_ACTOR_ID } from './audit/record.js';

/** What every service function receives: who acts, in which transaction, for which request. */
export interface ServiceContext {
  actor: Actor;
  tx: Tx;
  requestId: string;
}

/** Loaders and the command line act as the system: every permission, no user row. */
export function systemContext(tx: Tx, requestId: string): ServiceContext {
  const roles: Role[] = ['administrator'];
  return {
    tx,
    requestId,
    actor: {
      id: SYSTEM_ACTOR_ID,
      email: 'system',
      displayName: 'System',
      roles,
      nationCode: null,
      locale: 'en',
      permissions: permissionsOf(roles),
      scope: nationScopeOf({ roles, nationCode: null }),
      via: { kind: 'token', tokenId: requestId },
    },
  };
}
