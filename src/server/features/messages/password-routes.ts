import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PasswordResetComplete, PasswordResetRequest } from '../../../contract/messages.js';
import * as passwords from './passwords.js';

const tags = ['auth'];

/** Forgotten passwords and invitation links: public, rate-limited, revealing no accounts. */
export const passwordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/password-reset/request',
    {
      schema: {
        tags,
        operationId: 'requestPasswordReset',
        summary: 'E-mail me a link to choose a new password',
        description: 'Always 202, whether or not an account has this e-mail.',
        body: PasswordResetRequest,
      },
      config: {
        permission: 'public',
        rateLimit: {
          max: app.settings.signInAttemptsPerWindow,
          timeWindow: '15 minutes',
          keyGenerator: (request) =>
            `reset|${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      await passwords.requestPasswordReset({
        db: app.db,
        email: request.body.email,
        requestId: String(request.id),
        now: new Date(),
      });
      return reply.status(202).send();
    },
  );
  app.post(
    '/auth/password-reset/complete',
    {
      schema: {
        tags,
        operationId: 'completePasswordReset',
        problems: ['token_invalid', 'token_used', 'token_expired'],
        summary: 'Choose a new password with a one-time link',
        body: PasswordResetComplete,
      },
      config: {
        permission: 'public',
        rateLimit: {
          max: app.settings.signInAttemptsPerWindow,
          timeWindow: '15 minutes',
          keyGenerator: (request) => `reset-complete|${request.ip}`,
        },
      },
    },
    async (request, reply) => {
      await passwords.completePasswordReset({
        db: app.db,
        input: request.body,
        requestId: String(request.id),
        now: new Date(),
      });
      return reply.status(204).send();
    },
  );
};
