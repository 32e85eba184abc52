import { type SQL, sql } from 'drizzle-orm';
import type { NationScope } from '../../../domain/access.js';
import { activities, nations } from '../../db/schema/index.js';

/**
 * The `where` condition that keeps a nation-scoped reader to activities that are active and
 * releasable to their nation: to all, to its framework, or to it by name. Centre staff and
 * unscoped observers see every activity. Sessions inherit this through their activity.
 */
export function visibleActivities(scope: NationScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return sql`(${activities.status} = 'active' and (
    ${activities.releasableToAll}
    or ${activities.releasableNations} @> array[${scope.nationCode}]::text[]
    or ${activities.releasableFrameworks} && array(select ${nations.frameworkCode} from ${nations} where ${nations.code} = ${scope.nationCode})
  ))`;
}
