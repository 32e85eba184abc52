import { createRoute } from '@tanstack/react-router';
import { AnswerSurveyPage } from '../../features/surveys/AnswerSurveyPage.js';
import { PublicSurveyPage } from '../../features/surveys/PublicSurveyPage.js';
import { SessionSurveysPage } from '../../features/surveys/SessionSurveysPage.js';
import { SurveysPage } from '../../features/surveys/SurveysPage.js';
import { EditTemplatePage, NewTemplatePage } from '../../features/surveys/TemplateEditPage.js';
import { TemplatesPage } from '../../features/surveys/TemplatesPage.js';
import { appRoute, guarded, rootRoute } from './base.js';

export const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys',
  component: guarded('surveys.results', SurveysPage),
});

export const surveyTemplatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates',
  component: guarded('surveys.manage', TemplatesPage),
});

export const newSurveyTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates/new',
  component: guarded('surveys.manage', NewTemplatePage),
});

export const surveyTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/templates/$code',
  component: guarded('surveys.manage', EditTemplatePage),
});

/** Any signed-in participant answers their own survey; the server checks whose it is. */
export const answerSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/answer/$id',
  component: AnswerSurveyPage,
});

export const sessionSurveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sessions/$code/surveys',
  validateSearch: (search: Record<string, unknown>): { level: 1 | 3 } => ({
    level: Number(search.level) === 3 ? 3 : 1,
  }),
  component: guarded('surveys.results', SessionSurveysPage),
});

/** A supervisor's link from an e-mail: no account, so outside the signed-in layout. */
export const publicSurveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey/$token',
  component: PublicSurveyPage,
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
