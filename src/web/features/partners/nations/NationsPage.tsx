import { Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { useCan } from '../../auth/session.js';
import { FrameworksPanel } from '../frameworks/FrameworksPanel.js';
import { NationFilters } from './NationFilters.js';
import { NationsList } from './NationsList.js';

const route = getRouteApi('/app/partners');

export function NationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/partners' });
  const tab = search.tab ?? 'nations';

  return (
    <>
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        actions={
          can('partners.manage') &&
          tab === 'nations' && (
            <ButtonLink to="/partners/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partners.add')}
            </ButtonLink>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({ search: { tab: value === 'frameworks' ? 'frameworks' : undefined } })
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="nations">{t('partners.nationsTab')}</Tabs.Tab>
          <Tabs.Tab value="frameworks">{t('frameworks.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="nations">
          <NationFilters />
          <NationsList />
        </Tabs.Panel>
        <Tabs.Panel value="frameworks">{tab === 'frameworks' && <FrameworksPanel />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
