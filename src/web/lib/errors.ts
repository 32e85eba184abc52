import i18n from '../i18n/index.js';
import { isApiError } from './api.js';
import { waitMessage } from './wait.js';

/**
 * A sentence for the user. Known codes have their own translation; otherwise the server's
 * detail (English) is better than nothing, and a generic line is the last resort.
 */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    const wait = waitMessage(error.code, error.body, i18n.t);
    if (wait) return wait;
    const key = `errors.codes.${error.code}`;
    // The problem's own members fill the sentence, e.g. how long to wait (`retryAfter`).
    if (i18n.exists(key)) return i18n.t(key, { ...(error.body as Record<string, unknown>) });
    if (error.status === 0) return i18n.t('errors.network');
    if (error.status === 403) return i18n.t('errors.forbidden');
    if (error.status === 404) return i18n.t('errors.notFound');
    if (error.problem.detail && i18n.language === 'en') return error.problem.detail;
  }
  return i18n.t('errors.generic');
}
