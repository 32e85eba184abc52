import { Anchor, Card, Loader, SimpleGrid, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { AsOf } from './AsOf.js';
import { deliveryQuery, ratesQuery, trainedQuery } from './api.js';
import { DeliveryView, RatesView, TrainedView } from './views.js';

function Panel({
  title,
  pending,
  error,
  children,
}: {
  title: string;
  pending: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {pending && <Loader size="sm" aria-label={t('reports.loading')} />}
      <ProblemAlert error={error} />
      {children}
    </Card>
  );
}

/** The observer's landing: a compact view of every report, all nations the reader may see. */
export function Dashboards() {
  const { t } = useTranslation();
  const byNation = useQuery(trainedQuery({ groupBy: 'nation' }));
  const byDiscipline = useQuery(trainedQuery({ groupBy: 'discipline' }));
  const byYear = useQuery(trainedQuery({ groupBy: 'year' }));
  const rates = useQuery(ratesQuery({ groupBy: 'nation' }));
  const delivery = useQuery(deliveryQuery({}));
  return (
    <>
      {byNation.data && <AsOf asOf={byNation.data.asOf} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Panel
          title={t('reports.dash.perNation')}
          pending={byNation.isPending}
          error={byNation.error}
        >
          {byNation.data && (
            <TrainedView rows={byNation.data.rows} groupBy="nation" table={false} />
          )}
        </Panel>
        <Panel
          title={t('reports.dash.perDiscipline')}
          pending={byDiscipline.isPending}
          error={byDiscipline.error}
        >
          {byDiscipline.data && (
            <TrainedView rows={byDiscipline.data.rows} groupBy="discipline" table={false} />
          )}
        </Panel>
        <Panel title={t('reports.dash.perYear')} pending={byYear.isPending} error={byYear.error}>
          {byYear.data && <TrainedView rows={byYear.data.rows} groupBy="year" table={false} />}
        </Panel>
        <Panel title={t('reports.dash.rates')} pending={rates.isPending} error={rates.error}>
          {rates.data && <RatesView rows={rates.data.rows} groupBy="nation" table={false} />}
        </Panel>
        <Panel
          title={t('reports.dash.delivery')}
          pending={delivery.isPending}
          error={delivery.error}
        >
          {delivery.data && <DeliveryView rows={delivery.data.rows} table={false} />}
        </Panel>
      </SimpleGrid>
      <Anchor component={Link} to="/reports" mt="md" display="inline-block">
        {t('reports.allReports')}
      </Anchor>
    </>
  );
}
