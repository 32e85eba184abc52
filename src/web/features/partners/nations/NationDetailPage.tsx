import { Badge, Loader, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/DateText.js';
import { Field } from '../../../components/Field.js';
import { AnchorLink, ButtonLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { useCan } from '../../auth/session.js';
import { nationQuery } from '../api.js';
import { ContactsSection } from '../contacts/ContactsSection.js';
import { FrameworkName } from '../frameworks/FrameworkName.js';
import { STATUS_COLOR } from '../labels.js';

const route = getRouteApi('/app/partners/$code');

export function NationDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { code } = route.useParams();
  const query = useQuery(nationQuery(code));
  const back = (
    <AnchorLink to="/partners" fz="sm">
      {t('partners.backToList')}
    </AnchorLink>
  );

  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('partners.nation')} above={back} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const nation = query.data;
  const locale = currentLocale();

  return (
    <>
      <PageHeader
        above={back}
        title={`${localized(nation.name, locale)} (${nation.code})`}
        actions={
          can('partners.manage') && (
            <ButtonLink
              to="/partners/$code/edit"
              params={{ code: nation.code }}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('common.edit')}
            </ButtonLink>
          )
        }
      />
      <Paper withBorder p="md" mb="lg">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
          <Field label={t('partners.code')}>
            <Text span ff="monospace">
              {nation.code}
            </Text>
          </Field>
          <Field label={`${t('partners.name')} (${t('language.en')})`}>{nation.name.en}</Field>
          <Field label={`${t('partners.name')} (${t('language.fr')})`}>{nation.name.fr}</Field>
          <Field label={`${t('partners.name')} (${t('language.ar')})`}>
            {nation.name.ar && (
              <span lang="ar" dir="rtl">
                {nation.name.ar}
              </span>
            )}
          </Field>
          <Field label={t('partners.framework')}>
            <FrameworkName code={nation.frameworkCode} />
          </Field>
          <Field label={t('partners.status')}>
            <Badge color={STATUS_COLOR[nation.status]}>{t(`nationStatus.${nation.status}`)}</Badge>
          </Field>
          <Field label={t('partners.joinedOn')}>
            <DateText value={nation.joinedOn} />
          </Field>
          <Field label={t('partners.host')}>{nation.host ? t('common.yes') : t('common.no')}</Field>
          <Field label={t('common.updatedAt')}>
            <DateText value={nation.updatedAt} withTime />
          </Field>
        </SimpleGrid>
        {nation.notes && (
          <SimpleGrid component="dl" cols={1} mt="md" m={0}>
            <Field label={t('partners.notes')}>
              <Text span style={{ whiteSpace: 'pre-wrap' }}>
                {nation.notes}
              </Text>
            </Field>
          </SimpleGrid>
        )}
      </Paper>
      <ContactsSection nation={nation} />
    </>
  );
}
