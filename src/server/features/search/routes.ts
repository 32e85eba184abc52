import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GlobalSearchQuery, GlobalSearchResults } from '../../../contract/search.js';
import { readContext } from '../../http/context.js';
import { globalSearch } from './service.js';

/** The one search box: people, sessions, activities, nominations, nations and lecturers at once. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'globalSearch',
        summary:
          'Search people, sessions, activities, nominations, nations and lecturers you may see, in Arabic or Latin script',
        querystring: GlobalSearchQuery,
        response: { 200: GlobalSearchResults },
      },
      config: { permission: 'search.read' },
    },
    (request) => globalSearch(readContext(app, request), request.query.q),
  );
};
