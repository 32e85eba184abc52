import { createRouter } from '@tanstack/react-router';
import { queryClient } from './queryClient.js';
import {
  accountRoute,
  auditRoute,
  comingSoonRoutes,
  homeRoute,
  identityProvidersRoute,
  usersRoute,
  webhooksRoute,
} from './routes/admin.js';
import { attendanceRoutes, publicAttendanceRoutes } from './routes/attendance.js';
import { appRoute, rootRoute, signInRoute } from './routes/base.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { certificateRoutes, publicCertificateRoutes } from './routes/certificates.js';
import { importRoutes } from './routes/imports.js';
import { invitationRoutes } from './routes/invitations.js';
import { lecturerRoutes } from './routes/lecturers.js';
import { logisticsRoutes } from './routes/logistics.js';
import { messageRoutes, publicMessageRoutes } from './routes/messages.js';
import { nominationRoutes } from './routes/nominations.js';
import { participantRoutes } from './routes/participants.js';
import { partnerRoutes } from './routes/partners.js';
import { planRoutes } from './routes/plans.js';
import { programmeRoutes, reportRoutes } from './routes/programmes.js';
import { publicCatalogueRoutes } from './routes/public-catalogue.js';
import { publicResultRoutes, resultRoutes } from './routes/results.js';
import { sessionRoutes } from './routes/sessions.js';
import { publicSurveyRoutes, surveyRoutes } from './routes/surveys.js';
import { publicVisaLetterRoutes, visaLetterRoutes } from './routes/visa-letters.js';

const routeTree = rootRoute.addChildren([
  signInRoute,
  ...publicMessageRoutes,
  ...publicAttendanceRoutes,
  ...publicResultRoutes,
  ...publicSurveyRoutes,
  ...publicCertificateRoutes,
  ...publicVisaLetterRoutes,
  ...publicCatalogueRoutes,
  appRoute.addChildren([
    homeRoute,
    ...partnerRoutes,
    ...catalogueRoutes,
    ...sessionRoutes,
    ...lecturerRoutes,
    ...logisticsRoutes,
    ...participantRoutes,
    ...importRoutes,
    ...nominationRoutes,
    ...invitationRoutes,
    ...messageRoutes,
    ...attendanceRoutes,
    ...resultRoutes,
    ...surveyRoutes,
    ...certificateRoutes,
    ...visaLetterRoutes,
    ...programmeRoutes,
    ...planRoutes,
    ...reportRoutes,
    ...comingSoonRoutes,
    usersRoute,
    identityProvidersRoute,
    webhooksRoute,
    auditRoute,
    accountRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
