import { Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { sessionQuery } from '../sessions/api.js';
import { resultsQuery } from './api.js';
import { ResultsPanel } from './ResultsPanel.js';
import { SupervisorsPanel } from './SupervisorsPanel.js';

const route = getRouteApi('/app/sessions/$code/surveys');

/** A session's evaluations: level 1 and level 3 side by side as tabs, kept in the URL. */
export function SessionSurveysPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const { level } = route.useSearch();
  const navigate = useNavigate();
  const can = useCan();
  const locale = currentLocale();
  const session = useQuery(sessionQuery(code));
  const level3 = useQuery({ ...resultsQuery(code, 3, 'participant'), enabled: level === 3 });
  const title = session.data
    ? t('surveys.session.titleOf', { title: localized(session.data.activityTitle, locale) })
    : t('surveys.session.title');
  return (
    <>
      <PageHeader
        title={title}
        above={
          <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
            {t('surveys.session.back')}
          </AnchorLink>
        }
        description={
          <Text span ff="monospace" fw={600} c="dark">
            <bdi dir="ltr">{code}</bdi>
          </Text>
        }
      />
      <Tabs
        value={String(level)}
        onChange={(value) =>
          void navigate({
            to: '/sessions/$code/surveys',
            params: { code },
            search: { level: value === '3' ? 3 : 1 },
          })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="1">{t('surveys.level.1')}</Tabs.Tab>
          <Tabs.Tab value="3">{t('surveys.level.3')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="1">
          <ResultsPanel code={code} level={1} />
        </Tabs.Panel>
        <Tabs.Panel value="3">
          <ResultsPanel code={code} level={3} />
          {can('surveys.manage') && level3.data?.askSupervisor && (
            <div style={{ marginTop: 16 }}>
              <SupervisorsPanel code={code} />
            </div>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
