import { createRoute } from '@tanstack/react-router';
import { NATION_STATUSES, type NationStatus } from '../../../contract/index.js';
import { InstitutionCreatePage } from '../../features/partners/institutions/InstitutionCreatePage.js';
import { InstitutionEditPage } from '../../features/partners/institutions/InstitutionEditPage.js';
import { InstitutionsPage } from '../../features/partners/institutions/InstitutionsPage.js';
import { NationCreatePage } from '../../features/partners/nations/NationCreatePage.js';
import { NationDetailPage } from '../../features/partners/nations/NationDetailPage.js';
import { NationEditPage } from '../../features/partners/nations/NationEditPage.js';
import { NationsPage } from '../../features/partners/nations/NationsPage.js';
import { oneOf, text } from '../search.js';
import { appRoute, guarded } from './base.js';

// Every key optional: links may omit filters, and an empty filter stays out of the URL.
interface NationsSearch {
  tab?: 'nations' | 'frameworks';
  q?: string;
  framework?: string;
  status?: NationStatus;
}

export const nationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  validateSearch: (search: Record<string, unknown>): NationsSearch => ({
    tab: oneOf(search.tab, ['nations', 'frameworks'] as const),
    q: text(search.q),
    framework: text(search.framework, 16),
    status: oneOf(search.status, NATION_STATUSES),
  }),
  component: guarded('partners.read', NationsPage),
});

export const nationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/new',
  component: guarded('partners.manage', NationCreatePage),
});

export const nationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$code',
  component: guarded('partners.read', NationDetailPage),
});

export const nationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners/$code/edit',
  component: guarded('partners.manage', NationEditPage),
});

export const institutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({ q: text(search.q) }),
  component: guarded('partners.read', InstitutionsPage),
});

export const institutionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions/new',
  component: guarded('partners.manage', InstitutionCreatePage),
});

export const institutionEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/institutions/$code/edit',
  component: guarded('partners.manage', InstitutionEditPage),
});

export const partnerRoutes = [
  nationsRoute,
  nationNewRoute,
  nationRoute,
  nationEditRoute,
  institutionsRoute,
  institutionNewRoute,
  institutionEditRoute,
];
