import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Daily attendance: the roster, marks sent late from the field, and QR check-in. */
export const attendanceRoutes: FastifyPluginAsyncZod = async () => {};
