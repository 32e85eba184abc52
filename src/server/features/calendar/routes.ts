import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Each user's secret iCalendar feed of the sessions they may see. */
export const calendarRoutes: FastifyPluginAsyncZod = async () => {};
