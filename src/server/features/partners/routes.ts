import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../contract/common.js';
import {
  Contact,
  ContactInput,
  ContactUpdate,
  Framework,
  FrameworkInput,
  Institution,
  InstitutionCode,
  InstitutionInput,
  InstitutionUpdate,
  Nation,
  NationInput,
  NationListQuery,
  NationSummary,
  NationUpdate,
} from '../../../contract/partners.js';
import { NationCode } from '../../../contract/users.js';
import { inTransaction, readContext } from '../../http/context.js';
import * as institutions from './institutions.service.js';
import * as nations from './nations.service.js';

const NationParams = z.strictObject({ code: NationCode });
const ContactParams = z.strictObject({ code: NationCode, id: Uuid });
const InstitutionParams = z.strictObject({ code: InstitutionCode });

export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['partners'];

  app.get(
    '/frameworks',
    {
      schema: {
        tags,
        operationId: 'listFrameworks',
        summary: 'Cooperation frameworks',
        response: { 200: z.array(Framework) },
      },
      config: { permission: 'partners.read' },
    },
    (request) => nations.listFrameworks(readContext(app, request)),
  );
  app.post(
    '/frameworks',
    {
      schema: {
        tags,
        operationId: 'createFramework',
        problems: ['framework_exists'],
        summary: 'Add a framework',
        body: FrameworkInput,
        response: { 201: Framework },
      },
      config: { permission: 'partners.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) => nations.createFramework(ctx, request.body)),
        ),
  );

  app.get(
    '/nations',
    {
      schema: {
        tags,
        operationId: 'listNations',
        summary: 'Partner nations you may see',
        querystring: NationListQuery,
        response: { 200: z.array(NationSummary) },
      },
      config: { permission: 'partners.read' },
    },
    (request) => nations.listNations(readContext(app, request), request.query),
  );
  app.post(
    '/nations',
    {
      schema: {
        tags,
        operationId: 'createNation',
        problems: ['nation_exists'],
        summary: 'Add a partner nation',
        body: NationInput,
        response: { 201: Nation },
      },
      config: { permission: 'partners.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await inTransaction(app, request, (ctx) => nations.createNation(ctx, request.body))),
  );
  app.get(
    '/nations/:code',
    {
      schema: {
        tags,
        operationId: 'getNation',
        summary: 'One partner nation with its points of contact',
        params: NationParams,
        response: { 200: Nation },
      },
      config: { permission: 'partners.read' },
    },
    (request) => nations.getNation(readContext(app, request), request.params.code),
  );
  app.patch(
    '/nations/:code',
    {
      schema: {
        tags,
        operationId: 'updateNation',
        summary: 'Edit a partner nation',
        params: NationParams,
        body: NationUpdate,
        response: { 200: Nation },
      },
      config: { permission: 'partners.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        nations.updateNation(ctx, request.params.code, request.body),
      ),
  );

  app.post(
    '/nations/:code/contacts',
    {
      schema: {
        tags,
        operationId: 'addNationContact',
        summary: 'Add a point of contact',
        params: NationParams,
        body: ContactInput,
        response: { 201: Contact },
      },
      config: { permission: 'contacts.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            nations.addContact(ctx, request.params.code, request.body),
          ),
        ),
  );
  app.patch(
    '/nations/:code/contacts/:id',
    {
      schema: {
        tags,
        operationId: 'updateNationContact',
        summary: 'Edit a point of contact',
        params: ContactParams,
        body: ContactUpdate,
        response: { 200: Contact },
      },
      config: { permission: 'contacts.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        nations.updateContact(ctx, request.params.code, request.params.id, request.body),
      ),
  );
  app.delete(
    '/nations/:code/contacts/:id',
    {
      schema: {
        tags,
        operationId: 'removeNationContact',
        summary: 'Remove a point of contact',
        params: ContactParams,
      },
      config: { permission: 'contacts.manage' },
    },
    async (request, reply) => {
      await inTransaction(app, request, (ctx) =>
        nations.removeContact(ctx, request.params.code, request.params.id),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/institutions',
    {
      schema: {
        tags,
        operationId: 'listInstitutions',
        summary: 'Training institutions',
        response: { 200: z.array(Institution) },
      },
      config: { permission: 'partners.read' },
    },
    (request) => institutions.listInstitutions(readContext(app, request)),
  );
  app.post(
    '/institutions',
    {
      schema: {
        tags,
        operationId: 'createInstitution',
        problems: ['institution_exists'],
        summary: 'Add an institution',
        body: InstitutionInput,
        response: { 201: Institution },
      },
      config: { permission: 'partners.manage' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inTransaction(app, request, (ctx) =>
            institutions.createInstitution(ctx, request.body),
          ),
        ),
  );
  app.get(
    '/institutions/:code',
    {
      schema: {
        tags,
        operationId: 'getInstitution',
        summary: 'One institution',
        params: InstitutionParams,
        response: { 200: Institution },
      },
      config: { permission: 'partners.read' },
    },
    (request) => institutions.getInstitution(readContext(app, request), request.params.code),
  );
  app.patch(
    '/institutions/:code',
    {
      schema: {
        tags,
        operationId: 'updateInstitution',
        summary: 'Edit an institution',
        params: InstitutionParams,
        body: InstitutionUpdate,
        response: { 200: Institution },
      },
      config: { permission: 'partners.manage' },
    },
    (request) =>
      inTransaction(app, request, (ctx) =>
        institutions.updateInstitution(ctx, request.params.code, request.body),
      ),
  );
};
