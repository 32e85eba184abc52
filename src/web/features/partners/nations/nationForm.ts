import type { Nation, NationStatus } from '../../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../../lib/localizedForm.js';
import { blankToNull } from '../../../lib/validation.js';

/** What the form holds: plain strings, so every keystroke survives a failed save. */
export interface NationFormValues {
  code: string;
  name: LocalizedTextValues;
  frameworkCode: string;
  status: NationStatus | '';
  joinedOn: string;
  host: boolean;
  notes: string;
}

export function toNationValues(nation?: Nation): NationFormValues {
  return {
    code: nation?.code ?? '',
    name: toLocalizedValues(nation?.name),
    frameworkCode: nation?.frameworkCode ?? '',
    status: nation?.status ?? '',
    joinedOn: nation?.joinedOn ?? '',
    host: nation?.host ?? false,
    notes: nation?.notes ?? '',
  };
}

/** Shapes the values for NationInput; the schema then judges them (blank status fails there). */
export function toNationInput(values: NationFormValues) {
  return {
    code: values.code.trim().toUpperCase(),
    name: fromLocalizedValues(values.name),
    frameworkCode: values.frameworkCode,
    status: values.status || undefined,
    joinedOn: blankToNull(values.joinedOn),
    host: values.host,
    notes: blankToNull(values.notes),
  };
}

export function toNationUpdate(values: NationFormValues) {
  const { code: _code, ...update } = toNationInput(values);
  return update;
}
