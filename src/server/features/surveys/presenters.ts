import type { Locale, LocalizedText } from '../../../contract/common.js';
import type {
  ActivitySurvey,
  MySurvey,
  SurveyForm,
  SurveyLevel,
  SurveyRespondent,
  SurveyTemplate,
} from '../../../contract/surveys.js';
import type { activitySurveys } from '../../db/schema/index.js';
import type { LoadedInvitation } from './invitation-queries.js';
import type { TemplateRow } from './queries.js';

const inLocale = (text: LocalizedText, locale: Locale) => text[locale] || text.en;

export function presentTemplate(
  row: TemplateRow,
  use: { activityCodes: string[]; invitations: number },
): SurveyTemplate {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    level: row.level as SurveyLevel,
    anonymous: row.anonymous,
    questions: row.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: q.text,
      options: q.options ?? [],
      required: q.required !== false,
    })),
    activityCodes: use.activityCodes,
    invitations: use.invitations,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentActivitySurvey(row: {
  link: typeof activitySurveys.$inferSelect;
  template: TemplateRow;
}): ActivitySurvey {
  return {
    level: row.link.level as SurveyLevel,
    templateCode: row.template.code,
    templateTitle: row.template.title,
    anonymous: row.template.anonymous,
    delayMonths: row.link.delayMonths,
    askSupervisor: row.link.askSupervisor,
  };
}

/** The survey in one language: the reader's, else English for any text not translated. */
export function presentForm(row: LoadedInvitation, locale: Locale, now: Date): SurveyForm {
  const { invitation, template, session, participant } = row;
  const respondent = invitation.respondent as SurveyRespondent;
  return {
    sessionCode: session.code,
    activityTitle: inLocale(row.activityTitle, locale),
    startDate: session.startDate,
    endDate: session.endDate,
    level: invitation.level as SurveyLevel,
    respondent,
    title: inLocale(template.title, locale),
    anonymous: template.anonymous,
    locale,
    closesAt: invitation.closesAt.toISOString(),
    timeZone: session.timeZone,
    closed: invitation.closesAt.getTime() <= now.getTime(),
    answeredAt: invitation.answeredAt?.toISOString() ?? null,
    aboutName:
      respondent === 'supervisor'
        ? locale === 'ar' && participant.givenNamesArabic && participant.familyNameArabic
          ? `${participant.givenNamesArabic} ${participant.familyNameArabic}`
          : `${participant.givenNamesLatin} ${participant.familyNameLatin}`
        : null,
    questions: template.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      text: inLocale(q.text, locale),
      options: (q.options ?? []).map((o) => inLocale(o, locale)),
      required: q.required !== false,
    })),
  };
}

export function presentMySurvey(row: LoadedInvitation): MySurvey {
  return {
    id: row.invitation.id,
    sessionCode: row.session.code,
    activityTitle: row.activityTitle,
    endDate: row.session.endDate,
    level: row.invitation.level as SurveyLevel,
    title: row.template.title,
    closesAt: row.invitation.closesAt.toISOString(),
    timeZone: row.session.timeZone,
  };
}
