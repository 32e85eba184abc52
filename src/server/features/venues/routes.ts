import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Venue, VenueCode, VenueInput, VenueUpdate } from '../../../contract/sessions.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as venues from './service.js';

const tags = ['venues'];
const VenueParams = z.strictObject({ code: VenueCode });

/** Venues: where sessions run, with their time zone, working week and holidays. */
export const venueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/venues',
    {
      schema: {
        tags,
        operationId: 'listVenues',
        summary: 'Venues',
        response: { 200: z.array(Venue) },
      },
      config: { permission: 'sessions.read' },
    },
    (request) => venues.listVenues(readContext(app, request)),
  );
  app.post(
    '/venues',
    {
      schema: {
        tags,
        operationId: 'createVenue',
        problems: ['venue_exists'],
        summary: 'Add a venue',
        body: VenueInput,
        response: { 201: Venue },
      },
      config: { permission: 'sessions.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(app, request, (ctx) => venues.createVenue(ctx, request.body))),
  );
  app.get(
    '/venues/:code',
    {
      schema: {
        tags,
        operationId: 'getVenue',
        summary: 'One venue',
        params: VenueParams,
        response: { 200: Venue },
      },
      config: { permission: 'sessions.read' },
    },
    (request) => venues.getVenue(readContext(app, request), request.params.code),
  );
  app.patch(
    '/venues/:code',
    {
      schema: {
        tags,
        operationId: 'updateVenue',
        summary: 'Edit a venue',
        params: VenueParams,
        body: VenueUpdate,
        response: { 200: Venue },
      },
      config: { permission: 'sessions.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        venues.updateVenue(ctx, request.params.code, request.body),
      ),
  );
};
