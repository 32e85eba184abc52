import { Group, SegmentedControl } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCan } from '../auth/session.js';
import { CalendarFeedButton } from './CalendarFeedButton.js';
import { ListView, listFilters } from './ListView.js';
import { MonthView, monthFilters } from './MonthView.js';
import { SessionFilters } from './SessionFilters.js';

const route = getRouteApi('/app/sessions');

export function SessionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/sessions' });
  const view = search.view ?? 'month';

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        description={t('sessions.description')}
        actions={
          <>
            <ExportMenu
              path="/api/v1/sessions/export"
              filters={view === 'list' ? listFilters(search) : monthFilters(search)}
            />
            <CalendarFeedButton />
            {can('sessions.manage') && (
              <>
                <ButtonLink
                  to="/venues"
                  variant="default"
                  leftSection={<IconMapPin size={16} aria-hidden />}
                >
                  {t('venues.title')}
                </ButtonLink>
                <ButtonLink to="/sessions/new" leftSection={<IconPlus size={16} aria-hidden />}>
                  {t('sessions.add')}
                </ButtonLink>
              </>
            )}
          </>
        }
      />
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <SessionFilters view={view} />
        <SegmentedControl
          aria-label={t('sessions.viewLabel')}
          value={view}
          onChange={(value) =>
            void navigate({
              search: (prev) => ({ ...prev, view: value === 'list' ? 'list' : undefined }),
            })
          }
          data={[
            { value: 'month', label: t('sessions.viewMonth') },
            { value: 'list', label: t('sessions.viewList') },
          ]}
        />
      </Group>
      {view === 'month' ? <MonthView /> : <ListView />}
    </>
  );
}
