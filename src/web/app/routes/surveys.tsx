import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, guarded, rootRoute } from './base.js';

export const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys',
  component: guarded(
    'surveys.results',
    lazyRouteComponent(() => import('../../features/surveys/SurveysPage.js'), 'SurveysPage'),
  ),
});

export const surveyTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates',
  component: guarded(
    'surveys.manage',
    lazyRouteComponent(() => import('../../features/surveys/TemplatesPage.js'), 'TemplatesPage'),
  ),
});

export const newSurveyTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates/new',
  component: guarded(
    'surveys.manage',
    lazyRouteComponent(
      () => import('../../features/surveys/TemplateEditPage.js'),
      'NewTemplatePage',
    ),
  ),
});

export const surveyTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates/$code',
  component: guarded(
    'surveys.manage',
    lazyRouteComponent(
      () => import('../../features/surveys/TemplateEditPage.js'),
      'EditTemplatePage',
    ),
  ),
});

/** Any signed-in participant answers their own survey; the server checks whose it is. */
export const answerSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/answer/$id',
  component: lazyRouteComponent(
    () => import('../../features/surveys/AnswerSurveyPage.js'),
    'AnswerSurveyPage',
  ),
});

export const sessionSurveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/surveys',
  validateSearch: (search: Record<string, unknown>): { level: 1 | 3 } => ({
    level: Number(search.level) === 3 ? 3 : 1,
  }),
  component: guarded(
    'surveys.results',
    lazyRouteComponent(
      () => import('../../features/surveys/SessionSurveysPage.js'),
      'SessionSurveysPage',
    ),
  ),
});

/** A supervisor's link from an e-mail: no account, so outside the signed-in layout. */
export const publicSurveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey/$token',
  component: lazyRouteComponent(
    () => import('../../features/surveys/PublicSurveyPage.js'),
    'PublicSurveyPage',
  ),
});

export const surveyRoutes = [
  surveysRoute,
  surveyTemplatesRoute,
  newSurveyTemplateRoute,
  surveyTemplateRoute,
  answerSurveyRoute,
  sessionSurveysRoute,
];
export const publicSurveyRoutes = [publicSurveyRoute];
