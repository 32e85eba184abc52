import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicCatalogue, PublicCatalogueParams } from '../../../contract/public-catalogue.js';
import { renderCataloguePdf } from './pdf.js';
import { getPublicCatalogue } from './service.js';

const tags = ['public-catalogue'];
// Anyone may read it, so it is rate limited as the other public routes are.
const rateLimit = { max: 120, timeWindow: '1 minute' };

/** The year's public catalogue, for anyone: as data for the page, and as a trilingual PDF. */
export const publicCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public-catalogue/:year',
    {
      schema: {
        tags,
        operationId: 'getPublicCatalogue',
        summary: "The year's public catalogue: public activities and their announced sessions",
        params: PublicCatalogueParams,
        response: { 200: PublicCatalogue },
      },
      config: { permission: 'public', rateLimit },
    },
    (request) => getPublicCatalogue(app.db, request.params.year),
  );
  app.get(
    '/public-catalogue/:year.pdf',
    {
      schema: {
        tags,
        operationId: 'downloadPublicCataloguePdf',
        summary: "The year's public catalogue as a PDF in English, French and Arabic",
        params: PublicCatalogueParams,
      },
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const catalogue = await getPublicCatalogue(app.db, request.params.year);
      const pdf = await renderCataloguePdf(catalogue);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="catalogue-${catalogue.year}.pdf"`)
        .header('cache-control', 'public, max-age=300')
        .send(pdf);
    },
  );
};
