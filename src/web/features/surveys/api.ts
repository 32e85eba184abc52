import { queryOptions } from '@tanstack/react-query';
import type {
  ActivitySurvey,
  ActivitySurveyInput,
  Locale,
  MySurvey,
  ReminderResult,
  SupervisorLine,
  SurveyAnswers,
  SurveyForm,
  SurveyRespondent,
  SurveyResults,
  SurveySessionSummary,
  SurveySubmitted,
  SurveyTemplate,
  SurveyTemplateInput,
  SurveyTemplateUpdate,
} from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const surveyKeys = {
  all: ['surveys'] as const,
  mine: ['surveys', 'mine'] as const,
  templates: ['surveys', 'templates'] as const,
};

const enc = encodeURIComponent;

export const mySurveysQuery = queryOptions({
  queryKey: surveyKeys.mine,
  queryFn: ({ signal }) => api<MySurvey[]>('/api/v1/me/surveys', { signal }),
});

export const mySurveyQuery = (id: string, locale: Locale) =>
  queryOptions({
    queryKey: [...surveyKeys.all, 'invitation', id, locale] as const,
    queryFn: ({ signal }) =>
      api<SurveyForm>(`/api/v1/surveys/invitations/${enc(id)}`, { query: { locale }, signal }),
    retry: false,
  });

export const answerMySurvey = (id: string, answers: SurveyAnswers) =>
  api<SurveySubmitted>(`/api/v1/surveys/invitations/${enc(id)}/answers`, {
    method: 'POST',
    body: { answers },
  });

export const publicSurveyQuery = (token: string, locale: Locale) =>
  queryOptions({
    queryKey: [...surveyKeys.all, 'public', token, locale] as const,
    queryFn: ({ signal }) =>
      api<SurveyForm>(`/api/v1/surveys/public/${enc(token)}`, { query: { locale }, signal }),
    retry: false,
  });

export const answerPublicSurvey = (token: string, answers: SurveyAnswers) =>
  api<SurveySubmitted>(`/api/v1/surveys/public/${enc(token)}/answers`, {
    method: 'POST',
    body: { answers },
  });

export const surveyedSessionsQuery = queryOptions({
  queryKey: [...surveyKeys.all, 'sessions'] as const,
  queryFn: ({ signal }) => api<SurveySessionSummary[]>('/api/v1/surveys/sessions', { signal }),
});

export const resultsQuery = (code: string, level: number, respondent: SurveyRespondent) =>
  queryOptions({
    queryKey: [...surveyKeys.all, 'results', code, level, respondent] as const,
    queryFn: ({ signal }) =>
      api<SurveyResults>(`/api/v1/sessions/${enc(code)}/surveys/${level}/results`, {
        query: { respondent },
        signal,
      }),
  });

export const remindSurvey = (code: string, level: number) =>
  api<ReminderResult>(`/api/v1/sessions/${enc(code)}/surveys/${level}/remind`, { method: 'POST' });

export const supervisorsQuery = (code: string) =>
  queryOptions({
    queryKey: [...surveyKeys.all, 'supervisors', code] as const,
    queryFn: ({ signal }) =>
      api<SupervisorLine[]>(`/api/v1/sessions/${enc(code)}/surveys/supervisors`, { signal }),
  });

export const setSupervisor = (code: string, nominationId: string, email: string | null) =>
  api<SupervisorLine>(`/api/v1/sessions/${enc(code)}/surveys/supervisors/${enc(nominationId)}`, {
    method: 'PUT',
    body: { email },
  });

export const templatesQuery = queryOptions({
  queryKey: surveyKeys.templates,
  queryFn: ({ signal }) => api<SurveyTemplate[]>('/api/v1/surveys/templates', { signal }),
});

export const templateQuery = (code: string) =>
  queryOptions({
    queryKey: [...surveyKeys.templates, code] as const,
    queryFn: ({ signal }) =>
      api<SurveyTemplate>(`/api/v1/surveys/templates/${enc(code)}`, { signal }),
  });

export const createTemplate = (body: SurveyTemplateInput) =>
  api<SurveyTemplate>('/api/v1/surveys/templates', { method: 'POST', body });
export const updateTemplate = (code: string, body: SurveyTemplateUpdate) =>
  api<SurveyTemplate>(`/api/v1/surveys/templates/${enc(code)}`, { method: 'PUT', body });
export const deleteTemplate = (code: string) =>
  api<void>(`/api/v1/surveys/templates/${enc(code)}`, { method: 'DELETE' });

export const activitySurveysQuery = (activityCode: string) =>
  queryOptions({
    queryKey: [...surveyKeys.all, 'activity', activityCode] as const,
    queryFn: ({ signal }) =>
      api<ActivitySurvey[]>(`/api/v1/activities/${enc(activityCode)}/surveys`, { signal }),
    retry: false,
  });

export const attachSurvey = (activityCode: string, level: number, body: ActivitySurveyInput) =>
  api<ActivitySurvey>(`/api/v1/activities/${enc(activityCode)}/surveys/${level}`, {
    method: 'PUT',
    body,
  });
export const detachSurvey = (activityCode: string, level: number) =>
  api<void>(`/api/v1/activities/${enc(activityCode)}/surveys/${level}`, { method: 'DELETE' });
