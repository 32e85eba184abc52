import type { Session } from '../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../lib/localizedForm.js';
import { blankToNull } from '../../lib/validation.js';
import { type QuotaValues, toQuotas, toQuotaValues } from './quotas.js';

/** What the form holds: strings and numbers as typed, so nothing is lost on an error. */
export interface SessionFormValues {
  code: string;
  activityCode: string;
  startDate: string;
  endDate: string;
  venueCode: string;
  capacity: number | string;
  nominationOpens: string;
  nominationCloses: string;
  quotaReleaseOn: string;
  quotas: QuotaValues;
  directorId: string;
  instructorIds: string[];
  /** '' the venue's default host, 'none' no host, else a nation's code. */
  hostNationCode: string;
  language: string;
  notes: string;
  joiningInstructions: LocalizedTextValues;
  /** Set when the registrar keeps a director or instructor on two sessions at once. */
  confirmStaffConflicts?: boolean;
}

export function toSessionValues(session?: Session, activityCode = ''): SessionFormValues {
  return {
    code: session?.code ?? '',
    activityCode: session?.activityCode ?? activityCode,
    startDate: session?.startDate ?? '',
    endDate: session?.endDate ?? '',
    venueCode: session?.venueCode ?? '',
    capacity: session?.seats.capacity ?? 24,
    nominationOpens: session?.nominationOpens ?? '',
    nominationCloses: session?.nominationCloses ?? '',
    quotaReleaseOn: session?.quotaReleaseOn ?? '',
    quotas: toQuotaValues(session?.quotas ?? []),
    directorId: session?.directorId ?? '',
    instructorIds: session?.instructors.map((i) => i.id) ?? [],
    hostNationCode: session ? (session.hostNation?.code ?? 'none') : '',
    language: session?.language ?? 'en',
    notes: session?.notes ?? '',
    joiningInstructions: toLocalizedValues(session?.joiningInstructions ?? undefined),
  };
}

/** Shapes the values for SessionInput; only nations with seats are sent. */
export function toSessionInput(v: SessionFormValues) {
  const joining = fromLocalizedValues(v.joiningInstructions);
  return {
    code: v.code.trim().toUpperCase(),
    activityCode: v.activityCode,
    startDate: v.startDate,
    endDate: v.endDate,
    venueCode: v.venueCode,
    capacity: v.capacity === '' ? undefined : Number(v.capacity),
    nominationOpens: v.nominationOpens,
    nominationCloses: v.nominationCloses,
    quotaReleaseOn: blankToNull(v.quotaReleaseOn),
    quotas: toQuotas(v.quotas),
    directorId: blankToNull(v.directorId),
    instructorIds: v.instructorIds,
    ...(v.hostNationCode === ''
      ? {}
      : { hostNationCode: v.hostNationCode === 'none' ? null : v.hostNationCode }),
    language: v.language,
    notes: blankToNull(v.notes),
    joiningInstructions: joining.en.trim() || joining.fr || joining.ar ? joining : null,
    ...(v.confirmStaffConflicts ? { confirmStaffConflicts: true } : {}),
  };
}

export function toSessionUpdate(values: SessionFormValues) {
  const { code: _code, activityCode: _activity, ...update } = toSessionInput(values);
  return update;
}
