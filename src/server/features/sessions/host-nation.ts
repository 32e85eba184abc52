import type { FieldProblem } from '../../../domain/field-problem.js';
import {
  defaultHostNation,
  type HostVenue,
  hostRefusedAtCentre,
} from '../../../domain/host-nation.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import * as q from './queries.js';

/**
 * The host nation a session will have: the one named (null included), else the venue's
 * default. An unknown nation is a problem on `hostNationCode`; a foreign host at the centre's
 * own venue is refused (400 `host_nation_at_centre`).
 */
export async function resolveHostNation(
  db: DbOrTx,
  venue: HostVenue,
  named: string | null | undefined,
  problems: FieldProblem[],
): Promise<string | null> {
  if (named === undefined) {
    const centre = await q.selectCentreNation(db);
    const known = venue.countryCode ? await q.existingNations(db, [venue.countryCode]) : new Set();
    return defaultHostNation(venue, centre, (code) => known.has(code));
  }
  if (named !== null && !(await q.existingNations(db, [named])).has(named)) {
    problems.push({
      field: 'hostNationCode',
      message: `no partner nation has the code ${named}`,
      code: 'unknown_nation',
    });
    return null;
  }
  if (hostRefusedAtCentre(venue, named)) {
    throw new AppError(
      400,
      'host_nation_at_centre',
      `${named} cannot host a session at the centre's own venue; only ${venue.countryCode ?? 'its country'} can.`,
      [
        {
          field: 'hostNationCode',
          message: 'is not the venue’s country',
          code: 'host_nation_at_centre',
        },
      ],
    );
  }
  return named;
}
