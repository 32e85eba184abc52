import i18n from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/** Problem codes this feature words itself; the rest go to the app's general messages. */
export const SURVEY_PROBLEMS = [
  'already_answered',
  'survey_closed',
  'template_in_use',
  'survey_template_exists',
  'no_supervisor_survey',
  'supervisor_already_invited',
] as const;

export function surveyErrorMessage(error: unknown): string {
  for (const code of SURVEY_PROBLEMS) {
    if (isApiError(error, code)) return i18n.t(`surveys.errors.${code}`);
  }
  return errorMessage(error);
}
