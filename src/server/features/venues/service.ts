import type { Venue, VenueInput, VenueUpdate } from '../../../contract/sessions.js';
import { endOfDayIn } from '../../../domain/venue-calendar.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { notifyCatalogueChanged } from '../catalogue/cache.js';
import type { ServiceContext } from '../context.js';
import { normaliseWeek, presentVenue, sortHolidays } from './presenters.js';
import * as q from './queries.js';

/** Venues are public knowledge to every reader of sessions: no nation scope. */
export async function listVenues(ctx: ServiceContext): Promise<Venue[]> {
  return (await q.selectVenues(ctx.tx)).map(presentVenue);
}

/** One venue by its code. */
export async function getVenue(ctx: ServiceContext, code: string): Promise<Venue> {
  const row = await q.selectVenue(ctx.tx, code);
  if (!row) throw notFound(`The venue ${code}`);
  return presentVenue(row);
}

/** Adds a venue with its time zone, working week and public holidays. */
export async function createVenue(ctx: ServiceContext, input: VenueInput): Promise<Venue> {
  if (await q.selectVenue(ctx.tx, input.code)) {
    throw conflict('venue_exists', `A venue with the code ${input.code} already exists.`);
  }
  const row = await q.insertVenue(ctx.tx, {
    code: input.code,
    name: input.name,
    kind: input.kind,
    city: input.city ?? null,
    countryCode: input.countryCode ?? null,
    timeZone: input.timeZone,
    workingDays: normaliseWeek(input.workingDays),
    holidays: sortHolidays(input.holidays ?? []),
  });
  const venue = presentVenue(row);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'venue.created',
    entityType: 'venue',
    entityId: row.code,
    after: venue,
  });
  return venue;
}

/**
 * Edits a venue. A new time zone moves the nomination deadline of every session held there,
 * since deadlines are the end of the closing day in the venue's zone.
 */
export async function updateVenue(
  ctx: ServiceContext,
  code: string,
  input: VenueUpdate,
): Promise<Venue> {
  const existing = await q.selectVenue(ctx.tx, code);
  if (!existing) throw notFound(`The venue ${code}`);
  const row = await q.updateVenue(ctx.tx, code, {
    ...input,
    ...(input.workingDays ? { workingDays: normaliseWeek(input.workingDays) } : {}),
    ...(input.holidays ? { holidays: sortHolidays(input.holidays) } : {}),
  });
  if (!row) throw notFound(`The venue ${code}`);
  if (row.timeZone !== existing.timeZone) {
    for (const session of await q.selectVenueDeadlines(ctx.tx, code)) {
      await q.setNominationDeadline(
        ctx.tx,
        session.id,
        endOfDayIn(session.nominationCloses, row.timeZone),
      );
    }
  }
  const after = presentVenue(row);
  await notifyCatalogueChanged(ctx.tx);
  await recordAudit(ctx, {
    action: 'venue.updated',
    entityType: 'venue',
    entityId: code,
    before: presentVenue(existing),
    after,
  });
  return after;
}
