import type { LocalizedText } from '../../../contract/common.js';
import type {
  SurveyLevel,
  SurveyRespondent,
  SurveyResults,
  SurveyResultsQuery,
  SurveySessionSummary,
} from '../../../contract/surveys.js';
import { aggregateResponses, surveyDueAt } from '../../../domain/surveys.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { ServiceContext } from '../context.js';
import { selectNationName } from '../messages/account-queries.js';
import * as iq from './invitation-queries.js';
import * as q from './queries.js';

const CENTRE_STAFF = ['administrator', 'registrar'];

/**
 * A session whose survey results the actor may read: centre staff and observers (within their
 * nation scope) any they can see, a course director only the sessions they direct.
 */
export async function loadResultsSession(ctx: ServiceContext, code: string) {
  const session = await q.selectSurveySession(ctx.tx, ctx.actor.scope, code);
  if (!session) throw notFound(`The session ${code}`);
  const { roles } = ctx.actor;
  const allowed =
    roles.some((r) => CENTRE_STAFF.includes(r)) ||
    roles.includes('observer') ||
    session.directorId === ctx.actor.id;
  if (!allowed) throw forbidden();
  return session;
}

/**
 * Sessions whose surveys went out, latest first: every one the reader can see, or for a course
 * director who is not also centre staff or an observer, the sessions they direct.
 */
export async function listSurveyedSessions(ctx: ServiceContext): Promise<SurveySessionSummary[]> {
  const { roles } = ctx.actor;
  const seesAll = roles.some((r) => CENTRE_STAFF.includes(r)) || roles.includes('observer');
  const rows = await q.selectSurveyedSessions(
    ctx.tx,
    ctx.actor.scope,
    seesAll ? null : ctx.actor.id,
  );
  const byCode = new Map<string, SurveySessionSummary>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? {
      code: row.code,
      activityTitle: row.activityTitle as LocalizedText,
      startDate: row.startDate,
      endDate: row.endDate,
      levels: [],
    };
    entry.levels.push({
      level: row.level as SurveyLevel,
      invited: row.invited,
      answered: row.answered,
    });
    byCode.set(row.code, entry);
  }
  return [...byCode.values()];
}

/** The template a session's level was sent with, else the one the activity uses now. */
async function templateOf(ctx: ServiceContext, session: q.SurveySession, level: number) {
  const attached = await q.selectActivitySurvey(ctx.tx, session.activityId, level);
  const sent = await iq.selectSessionInvitations(ctx.tx, session.id, level, 'participant');
  const sentId = sent[0]?.templateId;
  if (sentId && sentId !== attached?.template.id) {
    const row = await q.selectTemplateById(ctx.tx, sentId);
    return { attached, template: row ?? attached?.template ?? null };
  }
  return { attached, template: attached?.template ?? null };
}

const nameOf = (p: { givenNamesLatin: string; familyNameLatin: string }) =>
  `${p.givenNamesLatin} ${p.familyNameLatin}`;

/**
 * A session's results at one level for one kind of respondent: response rate, per question the
 * counts (a scale's distribution and mean, each option's count) or the free-text answers, and
 * who has not answered, except for an anonymous survey, where only counts are shown.
 */
export async function getSurveyResults(
  ctx: ServiceContext,
  code: string,
  level: number,
  query: SurveyResultsQuery,
): Promise<SurveyResults> {
  const session = await loadResultsSession(ctx, code);
  const { attached, template } = await templateOf(ctx, session, level);
  const scope = ctx.actor.scope;
  const counts = await q.selectInvitationCounts(ctx.tx, session.id, level, scope);
  const countOf = (respondent: SurveyRespondent) => {
    const row = counts.find((c) => c.respondent === respondent);
    return { invited: row?.invited ?? 0, answered: row?.answered ?? 0, pending: row?.pending ?? 0 };
  };
  const shown = countOf(query.respondent);
  const responses = template
    ? (await q.selectResponses(ctx.tx, session.id, level, query.respondent, scope)).filter(
        (r) => r.templateId === template.id,
      )
    : [];
  const aggregates = template
    ? aggregateResponses(
        template.questions,
        responses.map((r) => r.answers),
      )
    : [];
  const anonymous = template?.anonymous ?? false;
  const unanswered = anonymous
    ? null
    : await q.selectUnanswered(ctx.tx, session.id, level, scope, query.respondent);
  return {
    sessionCode: session.code,
    level: level as SurveyLevel,
    respondent: query.respondent,
    nation:
      scope.kind === 'nation'
        ? {
            code: scope.nationCode,
            name: (await selectNationName(ctx.tx, scope.nationCode)) ?? { en: scope.nationCode },
          }
        : null,
    template: template
      ? { code: template.code, title: template.title, anonymous: template.anonymous }
      : null,
    dueAt: attached
      ? surveyDueAt(
          level as 1 | 3,
          session.endDate,
          session.timeZone,
          attached.link.delayMonths,
        ).toISOString()
      : null,
    timeZone: session.timeZone,
    askSupervisor: attached?.link.askSupervisor ?? false,
    participants: countOf('participant'),
    supervisors: countOf('supervisor'),
    responseRate:
      shown.invited > 0 ? Math.round((shown.answered / shown.invited) * 1000) / 1000 : null,
    questions: (template?.questions ?? []).map((question, index) => {
      const a = aggregates[index];
      return {
        id: question.id,
        kind: question.kind,
        text: question.text,
        answered: a?.answered ?? 0,
        distribution: a?.distribution ?? null,
        mean: a?.mean ?? null,
        options: a?.optionCounts
          ? (question.options ?? []).map((text: LocalizedText, i) => ({
              text,
              count: a.optionCounts?.[i] ?? 0,
            }))
          : null,
        texts: a?.texts ?? null,
      };
    }),
    nonRespondents: unanswered
      ? unanswered.map((u) => ({
          nominationId: u.invitation.nominationId,
          respondent: u.invitation.respondent as SurveyRespondent,
          name: nameOf(u.participant),
          nameArabic:
            u.participant.givenNamesArabic && u.participant.familyNameArabic
              ? `${u.participant.givenNamesArabic} ${u.participant.familyNameArabic}`
              : null,
          nationCode: u.participant.nationCode,
          email: u.invitation.respondent === 'supervisor' ? u.invitation.email : null,
          lastReminderAt: u.invitation.lastReminderAt?.toISOString() ?? null,
        }))
      : null,
    canRemind: ctx.actor.permissions.has('surveys.manage') && shown.invited > shown.answered,
  };
}
