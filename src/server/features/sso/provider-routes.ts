import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  CreateIdentityProviderRequest,
  IdentityProposal,
  IdentityProvider,
  UpdateIdentityProviderRequest,
} from '../../../contract/identity-providers.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as providers from './providers.js';

const tags = ['identity providers'];
const params = z.strictObject({ id: Uuid });

/** Administrators set up the identity providers users may sign in with. */
export const identityProviderRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'identity_providers.manage' as const };

  app.get(
    '/',
    {
      schema: {
        tags,
        operationId: 'listIdentityProviders',
        summary: 'Identity providers',
        response: { 200: z.array(IdentityProvider) },
      },
      config,
    },
    (request) => providers.listProviders(readContext(app, request)),
  );

  app.get(
    '/proposals',
    {
      schema: {
        tags,
        operationId: 'listIdentityProposals',
        summary: 'Roles and nations proposed by identity providers',
        response: { 200: z.array(IdentityProposal) },
      },
      config,
    },
    (request) => providers.listProposals(readContext(app, request)),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        operationId: 'createIdentityProvider',
        summary: 'Set up an identity provider',
        problems: ['identity_provider_exists'],
        body: CreateIdentityProviderRequest,
        response: { 201: IdentityProvider },
      },
      config,
    },
    async (request, reply) => {
      const created = await inTransaction(app, request, (ctx) =>
        providers.createProvider(ctx, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'getIdentityProvider',
        summary: 'One identity provider',
        params,
        response: { 200: IdentityProvider },
      },
      config,
    },
    (request) => providers.getProvider(readContext(app, request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'updateIdentityProvider',
        summary: 'Change an identity provider',
        params,
        body: UpdateIdentityProviderRequest,
        response: { 200: IdentityProvider },
      },
      config,
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        providers.updateProvider(ctx, request.params.id, request.body),
      ),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        operationId: 'deleteIdentityProvider',
        summary: 'Remove an identity provider',
        params,
      },
      config,
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) => providers.deleteProvider(ctx, request.params.id));
      return reply.status(204).send();
    },
  );
};
