import type { TFunction } from 'i18next';
import type { ProposedResult, ResultStatus } from '../../../contract/index.js';
import i18n from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/** Dark shades so that the badge text keeps its contrast. */
export const RESULT_COLOR: Record<ResultStatus, string> = {
  completed: 'teal.9',
  'partially-attended': 'orange.9',
  failed: 'red.9',
  'no-show': 'gray.8',
  withdrawn: 'violet.9',
};

/** Why the rule proposes a status, in the reader's words. */
export function proposalReason(t: TFunction, proposed: ProposedResult, rule: number): string {
  const percent = proposed.percent ?? 0;
  const counted = proposed.countedDays;
  return t(`results.reason.${proposed.reason}`, { percent, counted, rule });
}

/** This feature's own wording for the problems its routes answer with, else the usual one. */
export function resultsError(error: unknown): string {
  if (isApiError(error)) {
    const key = `results.errors.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
  }
  return errorMessage(error);
}

/** The names a refusal to close lists, as sent in the problem's `unconfirmed` member. */
export function unconfirmedNames(error: unknown): string[] {
  if (!isApiError(error, 'results_unconfirmed')) return [];
  const body = error.body as { unconfirmed?: { name?: { latin?: string } }[] } | undefined;
  return (body?.unconfirmed ?? []).map((u) => u.name?.latin ?? '').filter(Boolean);
}
