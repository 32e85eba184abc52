import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../auth/session.js';
import { MyAssignments } from '../lecturers/MyAssignments.js';
import { CentreToday } from '../portal/CentreToday.js';
import { MyProposals } from '../portal/MyProposals.js';
import { MyTraining } from '../portal/MyTraining.js';
import { NationOverview } from '../portal/NationOverview.js';
import { Dashboards } from '../reports/Dashboards.js';
import { NationReports } from '../results/NationReports.js';
import { AdministrationHome } from './AdministrationHome.js';
import { landingOf } from './landing.js';
import { MySessionsHome } from './MySessionsHome.js';

/** The role's landing page: what the role looks at first, then the pages always at hand. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const landing = landingOf(me.user.roles);
  // The participant's home is used on phones: its targets are 44 px (WCAG 2.5.5).
  const height = landing === 'myTraining' ? 44 : undefined;
  const can = (permission: (typeof me.permissions)[number]) => me.permissions.includes(permission);

  return (
    <>
      <PageHeader
        title={t(`landing.${landing}.title`)}
        description={t('home.welcome', { name: me.user.displayName })}
      />
      {landing === 'centreToday' && <CentreToday />}
      {landing === 'myNation' && <NationOverview />}
      {can('nation-reports.read') && me.user.nationCode && <NationReports />}
      {landing === 'myProposals' && <MyProposals />}
      {landing === 'myTraining' && <MyTraining />}
      {landing === 'mySessions' && <MySessionsHome />}
      {landing === 'administration' && <AdministrationHome />}
      {landing === 'dashboards' && can('reports.read') && <Dashboards />}
      <MyAssignments />
      <Stack gap="md" maw={760} mt="lg">
        <Text fw={600}>{t('home.available')}</Text>
        <Group gap="xs">
          {can('partners.read') && me.user.nationCode && (
            <ButtonLink
              to="/partners/$code"
              params={{ code: me.user.nationCode }}
              variant="default"
              h={height}
            >
              {t('home.ownNation')}
            </ButtonLink>
          )}
          {can('partners.read') && !me.user.nationCode && (
            <ButtonLink to="/partners" variant="default" h={height}>
              {t('nav.partners')}
            </ButtonLink>
          )}
          {can('users.read') && (
            <ButtonLink to="/users" variant="default" h={height}>
              {t('nav.users')}
            </ButtonLink>
          )}
          {can('audit.read') && (
            <ButtonLink to="/audit" variant="default" h={height}>
              {t('nav.audit')}
            </ButtonLink>
          )}
          <ButtonLink to="/account" variant="default" h={height}>
            {t('nav.account')}
          </ButtonLink>
        </Group>
      </Stack>
    </>
  );
}
