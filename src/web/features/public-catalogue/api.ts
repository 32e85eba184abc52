import { queryOptions } from '@tanstack/react-query';
import type { PublicCatalogue } from '../../../contract/index.js';
import { api } from '../../lib/api.js';

export const publicCatalogueQuery = (year: number) =>
  queryOptions({
    queryKey: ['public-catalogue', year] as const,
    queryFn: ({ signal }) => api<PublicCatalogue>(`/api/v1/public-catalogue/${year}`, { signal }),
    retry: false,
  });

/** The year's catalogue as a trilingual PDF, served to anyone. */
export const publicCataloguePdfUrl = (year: number) => `/api/v1/public-catalogue/${year}.pdf`;
