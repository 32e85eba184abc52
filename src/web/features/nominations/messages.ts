import i18n from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/** The nomination codes have their own sentences; everything else as anywhere in the app. */
export function nominationErrorMessage(error: unknown): string {
  if (isApiError(error)) {
    // A field's own code (e.g. `same_person`) says more than "some fields need attention".
    const known = (error.problem.errors ?? [])
      .map((e) => `nominations.errors.${e.code}`)
      .filter((key) => i18n.exists(key));
    if (known.length > 0) return known.map((key) => i18n.t(key)).join(' ');
    const key = `nominations.errors.${error.code}`;
    if (i18n.exists(key)) {
      // `invalid_transition` names the moves still allowed; the server's detail says which.
      if (error.code === 'invalid_transition' && error.problem.detail && i18n.language === 'en') {
        return `${i18n.t(key)} ${error.problem.detail}`;
      }
      return i18n.t(key);
    }
  }
  return errorMessage(error);
}
