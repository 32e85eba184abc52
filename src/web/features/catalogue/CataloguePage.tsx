import { Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCan } from '../auth/session.js';
import { ActivitiesList, activityFilters } from './ActivitiesList.js';
import { ActivityFilters } from './ActivityFilters.js';
import { DisciplinesPanel } from './DisciplinesPanel.js';

const route = getRouteApi('/app/catalogue');

export function CataloguePage() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/catalogue' });
  const tab = search.tab ?? 'activities';

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        description={t('catalogue.description')}
        actions={
          tab === 'activities' && (
            <>
              <ExportMenu path="/api/v1/activities/export" filters={activityFilters(search)} />
              {can('catalogue.manage') && (
                <ButtonLink to="/catalogue/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('catalogue.add')}
                </ButtonLink>
              )}
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          void navigate({ search: { tab: value === 'disciplines' ? 'disciplines' : undefined } })
        }
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="activities">{t('catalogue.activitiesTab')}</Tabs.Tab>
          <Tabs.Tab value="disciplines">{t('disciplines.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="activities">
          {tab === 'activities' && (
            <>
              <ActivityFilters />
              <ActivitiesList />
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="disciplines">{tab === 'disciplines' && <DisciplinesPanel />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
