import { useQuery } from '@tanstack/react-query';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { institutionsQuery } from '../partners/api.js';
import { disciplinesQuery } from './api.js';

/** Names of disciplines and providers by code, in the reader's language; the code until loaded. */
export function useCatalogueNames() {
  const disciplines = useQuery(disciplinesQuery);
  const institutions = useQuery(institutionsQuery);
  const locale = currentLocale();
  const disciplineNames = new Map(
    (disciplines.data ?? []).map((d) => [d.code, localized(d.name, locale)]),
  );
  const providerNames = new Map(
    (institutions.data ?? []).map((i) => [i.code, localized(i.name, locale)]),
  );
  return {
    discipline: (code: string) => disciplineNames.get(code) ?? code,
    provider: (code: string) => providerNames.get(code) ?? code,
    disciplineOptions: (disciplines.data ?? []).map((d) => ({
      value: d.code,
      label: localized(d.name, locale),
    })),
    providerOptions: (institutions.data ?? []).map((i) => ({
      value: i.code,
      label: `${i.code} · ${localized(i.name, locale)}`,
    })),
  };
}
