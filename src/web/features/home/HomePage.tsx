import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../auth/session.js';
import { CentreToday } from '../portal/CentreToday.js';
import { MyProposals } from '../portal/MyProposals.js';
import { MyTraining } from '../portal/MyTraining.js';
import { NationOverview } from '../portal/NationOverview.js';
import { Dashboards } from '../reports/Dashboards.js';
import { type Landing, landingOf } from './landing.js';

// These landings have their overview; the others still explain what is coming.
const PORTAL_LANDINGS: readonly Landing[] = [
  'myNation',
  'myProposals',
  'myTraining',
  'centreToday',
  'dashboards',
];

/** The role's landing page; its dashboards come with the features they summarise. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const landing = landingOf(me.user.roles);
  const can = (permission: (typeof me.permissions)[number]) => me.permissions.includes(permission);

  return (
    <>
      <PageHeader
        title={t(`landing.${landing}.title`)}
        description={t('home.welcome', { name: me.user.displayName })}
      />
      {landing === 'centreToday' && <CentreToday />}
      {landing === 'myNation' && <NationOverview />}
      {landing === 'myProposals' && <MyProposals />}
      {landing === 'myTraining' && <MyTraining />}
      {landing === 'dashboards' && can('reports.read') && <Dashboards />}
      <Stack gap="md" maw={760} mt={PORTAL_LANDINGS.includes(landing) ? 'lg' : undefined}>
        {!PORTAL_LANDINGS.includes(landing) && (
          <Alert variant="default" title={t('home.soonTitle')}>
            {t(`landing.${landing}.summary`)}
          </Alert>
        )}
        <Text fw={600}>{t('home.available')}</Text>
        <Group gap="xs">
          {can('partners.read') && me.user.nationCode && (
            <ButtonLink
              to="/partners/$code"
              params={{ code: me.user.nationCode }}
              variant="default"
            >
              {t('home.ownNation')}
            </ButtonLink>
          )}
          {can('partners.read') && !me.user.nationCode && (
            <ButtonLink to="/partners" variant="default">
              {t('nav.partners')}
            </ButtonLink>
          )}
          {can('users.read') && (
            <ButtonLink to="/users" variant="default">
              {t('nav.users')}
            </ButtonLink>
          )}
          {can('audit.read') && (
            <ButtonLink to="/audit" variant="default">
              {t('nav.audit')}
            </ButtonLink>
          )}
          <ButtonLink to="/account" variant="default">
            {t('nav.account')}
          </ButtonLink>
        </Group>
      </Stack>
    </>
  );
}
