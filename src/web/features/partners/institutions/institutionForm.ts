import type { Institution } from '../../../../contract/index.js';
import {
  fromLocalizedValues,
  type LocalizedTextValues,
  toLocalizedValues,
} from '../../../lib/localizedForm.js';
import { blankToNull } from '../../../lib/validation.js';

export interface InstitutionFormValues {
  code: string;
  name: LocalizedTextValues;
  city: string;
  countryCode: string;
  host: boolean;
  openedOn: string;
}

export function toInstitutionValues(institution?: Institution): InstitutionFormValues {
  return {
    code: institution?.code ?? '',
    name: toLocalizedValues(institution?.name),
    city: institution?.city ?? '',
    countryCode: institution?.countryCode ?? '',
    host: institution?.host ?? false,
    openedOn: institution?.openedOn ?? '',
  };
}

export function toInstitutionInput(values: InstitutionFormValues) {
  return {
    code: values.code.trim().toUpperCase(),
    name: fromLocalizedValues(values.name),
    city: blankToNull(values.city),
    countryCode: values.countryCode.trim().toUpperCase(),
    host: values.host,
    openedOn: blankToNull(values.openedOn),
  };
}

export function toInstitutionUpdate(values: InstitutionFormValues) {
  const { code: _code, ...update } = toInstitutionInput(values);
  return update;
}

/** Case-insensitive match on code, any language of the name, city or country. */
export function matchesInstitution(institution: Institution, q: string | undefined): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return [
    institution.code,
    institution.name.en,
    institution.name.fr,
    institution.name.ar,
    institution.city,
    institution.countryCode,
  ].some((value) => value?.toLocaleLowerCase().includes(needle));
}
