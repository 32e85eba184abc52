import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdministrationHome, MySessionsHome, ParticipantHome } from '../../../contract/home.js';
import { inReplicaRead } from '../../http/context.js';
import { administrationHome } from './administration.js';
import { mySessionsHome } from './my-sessions.js';
import { participantHome } from './participant.js';

const tags = ['home'];

/** What each role's home page reads: read-only (the replica may answer), each scoped to the reader. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/portal/my-sessions',
    {
      schema: {
        tags,
        operationId: 'getMySessionsHome',
        summary:
          'My sessions today: running and starting, rosters to mark, results to confirm, evaluations to read',
        response: { 200: MySessionsHome },
      },
      config: { permission: 'attendance.mark' },
    },
    (request) => inReplicaRead(app, request, mySessionsHome),
  );
  app.get(
    '/portal/administration',
    {
      schema: {
        tags,
        operationId: 'getAdministrationHome',
        summary: 'Administration: users waiting, failed jobs and e-mails, keys, backups, version',
        response: { 200: AdministrationHome },
      },
      config: { permission: 'users.manage' },
    },
    (request) => inReplicaRead(app, request, administrationHome),
  );
  app.get(
    '/portal/my-training',
    {
      schema: {
        tags,
        operationId: 'getParticipantHome',
        summary: 'My training: sessions to come, courses taken with results and certificates',
        response: { 200: ParticipantHome },
      },
      config: { permission: 'authenticated' },
    },
    (request) => inReplicaRead(app, request, participantHome),
  );
};
