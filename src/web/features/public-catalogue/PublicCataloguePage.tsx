import { Anchor, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PublicCheckPage } from '../../components/PublicCheckPage.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { publicCataloguePdfUrl, publicCatalogueQuery } from './api.js';

function ActivityEntry({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const description = activity.description ? localized(activity.description, locale) : '';
  return (
    <Stack gap={6} component="article" aria-labelledby={`activity-${activity.code}`}>
      <Title order={2} fz="lg" id={`activity-${activity.code}`}>
        {localized(activity.title, locale)}
      </Title>
      <Group gap="xs">
        <Text span fz="xs" ff="monospace">
          <bdi dir="ltr">{activity.code}</bdi>
        </Text>
        <Text fz="sm">
          {t('publicCatalogue.days', { count: activity.durationDays })} ·{' '}
          {t(`delivery.${activity.delivery}`)}
        </Text>
      </Group>
      {/* A description may exist in English only: its own direction, not the page's. */}
      {description && (
        <Text fz="sm" dir="auto">
          {description}
        </Text>
      )}
      <Title order={3} fz="sm">
        {t('publicCatalogue.sessions')}
      </Title>
      <List fz="sm" spacing={4}>
        {activity.sessions.map((s) => (
          <List.Item key={s.code}>
            <DateRangeText span start={s.startDate} end={s.endDate} fz="sm" /> ·{' '}
            {localized(s.venue.name, locale)}
            {/* The city is kept in Latin script: the Arabic venue name says it already. */}
            {s.venue.city && locale !== 'ar' ? `, ${s.venue.city}` : ''} ·{' '}
            {t('publicCatalogue.language')} <bdi dir="ltr">{s.language.toUpperCase()}</bdi>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Catalogue({ year }: { year: number }) {
  const { t } = useTranslation();
  const query = useQuery(publicCatalogueQuery(year));
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { activities } = query.data;
  return (
    <Stack gap="lg">
      {activities.length === 0 ? (
        <Text>{t('publicCatalogue.empty')}</Text>
      ) : (
        activities.map((a) => <ActivityEntry key={a.code} activity={a} />)
      )}
    </Stack>
  );
}

/**
 * The year's public catalogue, for anyone without sign-in: the activities marked public with
 * their announced sessions, how to apply, and the same catalogue as a PDF in three languages.
 */
export function PublicCataloguePage() {
  const { t } = useTranslation();
  const { year } = useParams({ strict: false });
  const y = Number(year);
  return (
    <PublicCheckPage
      icon={<IconBook size={28} aria-hidden />}
      title={t('publicCatalogue.title', { year: y })}
    >
      <Text fz="sm">{t('publicCatalogue.intro')}</Text>
      <Stack gap={4}>
        <Title order={2} fz="md">
          {t('publicCatalogue.howToApply')}
        </Title>
        <Text fz="sm">{t('publicCatalogue.howToApplyText')}</Text>
      </Stack>
      <Anchor href={publicCataloguePdfUrl(y)} fz="sm">
        <Group gap={6} component="span">
          <IconFileTypePdf size={18} aria-hidden />
          {t('publicCatalogue.pdf')}
        </Group>
      </Anchor>
      {Number.isInteger(y) && <Catalogue year={y} />}
    </PublicCheckPage>
  );
}
