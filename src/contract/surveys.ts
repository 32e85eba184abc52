import { z } from 'zod';
import { IsoDate, IsoDateTime, Locale, LocalizedText, Uuid } from './common.js';
import { text } from './text.js';

/** Evaluation levels that are surveys: 1 (reaction, at the end) and 3 (behaviour, months later). */
export const SURVEY_LEVELS = [1, 3] as const;
export const SurveyLevel = z.union([z.literal(1), z.literal(3)]);
export type SurveyLevel = z.infer<typeof SurveyLevel>;

/** A level in a path: `/sessions/X/surveys/1/results`. */
export const SurveyLevelParam = z.coerce
  .number()
  .int()
  .refine((n) => n === 1 || n === 3, 'must be 1 or 3');

export const SURVEY_QUESTION_KINDS = ['scale', 'single', 'multiple', 'text'] as const;
export const SurveyQuestionKind = z.enum(SURVEY_QUESTION_KINDS);
export type SurveyQuestionKind = z.infer<typeof SurveyQuestionKind>;

/** Who answers an invitation: the participant (signed in) or their supervisor (by link). */
export const SURVEY_RESPONDENTS = ['participant', 'supervisor'] as const;
export const SurveyRespondent = z.enum(SURVEY_RESPONDENTS);
export type SurveyRespondent = z.infer<typeof SurveyRespondent>;

/** Days an invitation stays open after it is sent. */
export const SURVEY_OPEN_DAYS = 30;

export const SurveyTemplateCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'must be 2-40 capitals, digits or dashes');

export const SurveyQuestion = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1-40 lower-case letters, digits, - or _'),
  kind: SurveyQuestionKind,
  text: LocalizedText,
  /** Choices of a single or multiple choice question; answers name them by position. */
  options: z.array(LocalizedText).max(12).optional(),
  required: z.boolean().default(true),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const SurveyTemplateInput = z.strictObject({
  code: SurveyTemplateCode,
  title: LocalizedText,
  level: SurveyLevel,
  anonymous: z.boolean().default(false),
  questions: z.array(SurveyQuestion).min(1).max(50),
});
export type SurveyTemplateInput = z.infer<typeof SurveyTemplateInput>;

/** A replacement of everything but the code. */
export const SurveyTemplateUpdate = SurveyTemplateInput.omit({ code: true });
export type SurveyTemplateUpdate = z.infer<typeof SurveyTemplateUpdate>;

export const SurveyTemplate = z
  .object({
    id: Uuid,
    code: z.string(),
    title: LocalizedText,
    level: SurveyLevel,
    anonymous: z.boolean(),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: SurveyQuestionKind,
        text: LocalizedText,
        options: z.array(LocalizedText),
        required: z.boolean(),
      }),
    ),
    /** Activities that use it; a used template's questions are frozen once invitations exist. */
    activityCodes: z.array(z.string()),
    invitations: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'SurveyTemplate' });
export type SurveyTemplate = z.infer<typeof SurveyTemplate>;

export const SurveyTemplateParams = z.strictObject({ code: SurveyTemplateCode });

/** Which template an activity uses at one level. */
export const ActivitySurveyInput = z.strictObject({
  templateCode: SurveyTemplateCode,
  /** Level 3 only: months after the session's end, 1 to 24. */
  delayMonths: z.number().int().min(1).max(24).optional(),
  /** Level 3 only: also ask the participant's supervisor. */
  askSupervisor: z.boolean().optional(),
});
export type ActivitySurveyInput = z.infer<typeof ActivitySurveyInput>;

export const ActivitySurvey = z
  .object({
    level: SurveyLevel,
    templateCode: z.string(),
    templateTitle: LocalizedText,
    anonymous: z.boolean(),
    delayMonths: z.number().int().nullable(),
    askSupervisor: z.boolean(),
  })
  .meta({ id: 'ActivitySurvey' });
export type ActivitySurvey = z.infer<typeof ActivitySurvey>;

export const ActivitySurveyParams = z.strictObject({
  code: text().trim().min(1).max(40),
  level: SurveyLevelParam,
});

/** An answer: 1-5 for a scale, an option's position, positions, or free text. */
export const SurveyAnswer = z.union([
  z.number().int(),
  z.array(z.number().int()).max(12),
  text().max(4000),
]);
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const SurveyAnswers = z.record(text().max(40), SurveyAnswer);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const SurveySubmission = z.strictObject({ answers: SurveyAnswers });
export type SurveySubmission = z.infer<typeof SurveySubmission>;

export const SurveySubmitted = z.object({ answeredAt: IsoDateTime });
export type SurveySubmitted = z.infer<typeof SurveySubmitted>;

/** A survey as its reader answers it: worded in one language. */
export const SurveyForm = z
  .object({
    sessionCode: z.string(),
    activityTitle: z.string(),
    startDate: IsoDate,
    endDate: IsoDate,
    level: SurveyLevel,
    respondent: SurveyRespondent,
    title: z.string(),
    anonymous: z.boolean(),
    locale: Locale,
    closesAt: IsoDateTime,
    /** The venue's IANA zone: the close time reads on its clock. */
    timeZone: z.string(),
    closed: z.boolean(),
    answeredAt: IsoDateTime.nullable(),
    /** The participant a supervisor answers about. */
    aboutName: z.string().nullable(),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: SurveyQuestionKind,
        text: z.string(),
        options: z.array(z.string()),
        required: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'SurveyForm' });
export type SurveyForm = z.infer<typeof SurveyForm>;

export const SurveyFormQuery = z.strictObject({ locale: Locale.optional() });

export const SurveyInvitationParams = z.strictObject({ id: Uuid });

/** The secret of a supervisor's link: 32 random bytes in base64url. */
export const SurveyToken = z.string().regex(/^[\w-]{20,100}$/, 'is not a valid link');
export const SurveyTokenParams = z.strictObject({ token: SurveyToken });

/** One open survey of the signed-in participant. */
export const MySurvey = z.object({
  id: Uuid,
  sessionCode: z.string(),
  activityTitle: LocalizedText,
  endDate: IsoDate,
  level: SurveyLevel,
  title: LocalizedText,
  closesAt: IsoDateTime,
  /** The venue's IANA zone: the close time reads on its clock. */
  timeZone: z.string(),
});
export type MySurvey = z.infer<typeof MySurvey>;

export const SessionSurveyParams = z.strictObject({
  code: text().trim().min(1).max(40),
  level: SurveyLevelParam,
});

export const SurveyResultsQuery = z.strictObject({
  respondent: SurveyRespondent.default('participant'),
});
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

export const QuestionResult = z.object({
  id: z.string(),
  kind: SurveyQuestionKind,
  text: LocalizedText,
  /** Responses that answered this question. */
  answered: z.number().int(),
  /** Scale: how many chose 1..5 (index 0 is 1), and the mean; null when nobody answered. */
  distribution: z.array(z.number().int()).nullable(),
  mean: z.number().nullable(),
  /** Choices: each option with how many chose it. */
  options: z.array(z.object({ text: LocalizedText, count: z.number().int() })).nullable(),
  /** Free text: the answers, in no particular order. */
  texts: z.array(z.string()).nullable(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyCounts = z.object({
  invited: z.number().int(),
  answered: z.number().int(),
  /** Not yet sent: supervisors named before level 3 goes out. */
  pending: z.number().int(),
});

export const SurveyNonRespondent = z.object({
  nominationId: Uuid,
  respondent: SurveyRespondent,
  name: z.string(),
  nameArabic: z.string().nullable(),
  nationCode: z.string(),
  email: z.string().nullable(),
  lastReminderAt: IsoDateTime.nullable(),
});

export const SurveyResults = z.object({
  sessionCode: z.string(),
  level: SurveyLevel,
  respondent: SurveyRespondent,
  /**
   * Set for a reader of one nation: every count and answer is that nation's only, and an
   * anonymous survey's answers, which cannot be traced to a nation, are left out.
   */
  nation: z.object({ code: z.string(), name: LocalizedText }).nullable(),
  template: z.object({ code: z.string(), title: LocalizedText, anonymous: z.boolean() }).nullable(),
  /** When the invitations go (or went) out; null when the activity has no survey at this level. */
  dueAt: IsoDateTime.nullable(),
  /** The venue's IANA zone: the due time reads on its clock. */
  timeZone: z.string(),
  askSupervisor: z.boolean(),
  participants: SurveyCounts,
  supervisors: SurveyCounts,
  /** answered / invited of the respondent shown, 0..1; null when nobody was invited. */
  responseRate: z.number().nullable(),
  questions: z.array(QuestionResult),
  /** Who has not answered; null for an anonymous survey, where the centre sees counts only. */
  nonRespondents: z.array(SurveyNonRespondent).nullable(),
  canRemind: z.boolean(),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const ReminderResult = z.object({ reminded: z.number().int(), skipped: z.number().int() });
export type ReminderResult = z.infer<typeof ReminderResult>;

/** A selected participant and the supervisor to ask at level 3. */
export const SupervisorLine = z
  .object({
    nominationId: Uuid,
    participantName: z.string(),
    nationCode: z.string(),
    email: z.string().nullable(),
    /** pending until level 3 goes out; then sent, answered or closed. */
    state: z.enum(['none', 'pending', 'sent', 'answered']),
  })
  .meta({ id: 'SupervisorLine' });
export type SupervisorLine = z.infer<typeof SupervisorLine>;

export const SupervisorParams = z.strictObject({
  code: text().trim().min(1).max(40),
  nominationId: Uuid,
});

export const SupervisorInput = z.strictObject({
  /** null takes the supervisor off, while nothing has been sent to them. */
  email: z.email().max(254).nullable(),
});
export type SupervisorInput = z.infer<typeof SupervisorInput>;

/** A session whose surveys went out, with its counts per level: the surveys landing page. */
export const SurveySessionSummary = z.object({
  code: z.string(),
  activityTitle: LocalizedText,
  startDate: IsoDate,
  endDate: IsoDate,
  levels: z.array(
    z.object({ level: SurveyLevel, invited: z.number().int(), answered: z.number().int() }),
  ),
});
export type SurveySessionSummary = z.infer<typeof SurveySessionSummary>;
