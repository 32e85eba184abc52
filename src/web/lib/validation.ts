import type { z } from 'zod';
import {
  DATE_RANGE,
  NAME_SYMBOLS,
  PASSPORT_NAME,
  PASSWORD_PROBLEMS,
  type Problem,
} from '../../contract/index.js';
import { MAX_SESSION_DAYS } from '../../domain/session-dates.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** A zod issue in the user's language: the schema's own messages are English only. */
export function issueMessage(issue: Issue, t: Translate): string {
  // An empty field is "required", whatever rule it then fails (format, enum, type).
  if (issue.input === '' || issue.input === undefined || issue.input === null) {
    if (issue.code !== 'too_big' && issue.code !== 'custom') return t('validation.required');
  }
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.minLength', { min: issue.minimum });
      if (issue.origin === 'array') return t('validation.minItems', { min: issue.minimum });
      return t('validation.tooSmall', { min: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: issue.maximum });
      return t('validation.tooBig', { max: issue.maximum });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date');
      return t('validation.format');
    case 'invalid_type':
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'custom': {
      if (issue.params?.code === 'date_out_of_range') return t('validation.dateRange', DATE_RANGE);
      const nameProblem = NAME_PROBLEMS[String(issue.params?.code)];
      return t(nameProblem ?? 'validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/** One message per field path (`name.en`), the first the schema found. */
export function issuesToErrors(issues: readonly Issue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issueMessage(issue, t);
  }
  return errors;
}

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function check<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translate,
): Checked<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues, t) };
}

const SERVER_CODE_KEYS: Record<string, string> = {
  too_small: 'validation.invalid',
  too_big: 'validation.invalid',
  invalid_format: 'validation.format',
  invalid_type: 'validation.invalid',
  invalid_value: 'validation.choose',
  required: 'validation.required',
  date_out_of_range: 'validation.dateRange',
  staff_conflict: 'validation.staffConflict',
  venue_closed: 'validation.venueClosed',
  breaks_eligibility: 'validation.breaksEligibility',
  outside_programme_years: 'validation.outsideProgrammeYears',
  session_too_long: 'validation.sessionTooLong',
};

/** A refused name says what a name may hold, in every language: the rule is not obvious. */
const NAME_PROBLEMS: Record<string, string> = {
  [PASSPORT_NAME]: 'names.validation.passportName',
  [NAME_SYMBOLS]: 'names.validation.nameSymbols',
};

/** What the translated messages of server codes fill in. */
const SERVER_CODE_VALUES: Record<string, Record<string, unknown>> = {
  date_out_of_range: DATE_RANGE,
  session_too_long: { max: MAX_SESSION_DAYS },
};

/** A refused password says why in every language, English included: the server's text is terse. */
function passwordProblemKey(code: string): string | null {
  return (PASSWORD_PROBLEMS as readonly string[]).includes(code)
    ? `validation.passwordProblems.${code}`
    : null;
}

function fieldMessage(item: { message: string; code: string }, t: Translate, language: string) {
  const key = SERVER_CODE_KEYS[item.code];
  return language === 'en' || !key ? item.message : t(key, SERVER_CODE_VALUES[item.code]);
}

/**
 * The server names each bad field; it may prefix the location (`body.name.en`) or use
 * brackets for arrays. Its messages are English, so known codes are translated and the
 * server's text is kept only when we have nothing better.
 */
export function problemFieldErrors(
  problem: Pick<Problem, 'errors'>,
  t: Translate,
  language: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const item of problem.errors ?? []) {
    const field = item.field
      .replace(/^(body|querystring|params)[./]?/, '')
      .replace(/\[(\w+)\]/g, '.$1')
      .replace(/^\//, '')
      .replaceAll('/', '.');
    const explained = passwordProblemKey(item.code) ?? NAME_PROBLEMS[item.code];
    const message = explained ? t(explained) : fieldMessage(item, t, language);
    if (field && !(field in errors)) errors[field] = message;
  }
  return errors;
}

/** Form inputs hold '' for "nothing"; the API wants null. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
