import { Badge, Button, EmptyState, Group, Loader, Table, Text } from '@mantine/core';
import { IconDownload, IconPlaneArrival } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LogisticsSheet, LogisticsSheetRow } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate, zoneName } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { DARK_ORANGE } from '../nominations/labels.js';
import { logisticsSheetQuery, sheetDownloadUrl } from './api.js';

const route = getRouteApi('/app/sessions/$code/logistics');

/** Every selected participant of a session with their logistics, and the sheet to download. */
export function LogisticsSheetPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const sheet = useQuery(logisticsSheetQuery(code));
  const hasRows = (sheet.data?.rows.length ?? 0) > 0;
  return (
    <>
      <PageHeader
        title={t('logistics.sheetTitle', { code })}
        description={t('logistics.sheetDescription')}
        above={
          <AnchorLink to="/sessions/$code" params={{ code }} fz="sm">
            {t('logistics.backToSession')}
          </AnchorLink>
        }
        actions={
          hasRows && (
            <>
              <DownloadButton code={code} format="csv" />
              <DownloadButton code={code} format="xlsx" />
            </>
          )
        }
      />
      {sheet.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {sheet.isError && <ProblemAlert error={sheet.error} />}
      {sheet.data && <SheetBody sheet={sheet.data} />}
    </>
  );
}

function DownloadButton({ code, format }: { code: string; format: 'csv' | 'xlsx' }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={sheetDownloadUrl(code, format)}
      download
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t(format === 'csv' ? 'logistics.downloadCsv' : 'logistics.downloadXlsx')}
    </Button>
  );
}

function SheetBody({ sheet }: { sheet: LogisticsSheet }) {
  const { t } = useTranslation();
  if (sheet.rows.length === 0) {
    return (
      <EmptyState
        icon={<IconPlaneArrival size={32} aria-hidden />}
        title={t('logistics.emptyTitle')}
        description={t('logistics.emptyDescription')}
        py="xl"
      />
    );
  }
  return (
    <>
      <Group gap="xs" mb="sm">
        {sheet.missing > 0 ? (
          <Badge color={DARK_ORANGE} size="lg">
            {t('logistics.missingCount', { count: sheet.missing })}
          </Badge>
        ) : (
          <Badge color="teal.9" size="lg">
            {t('logistics.allComplete')}
          </Badge>
        )}
        <Text fz="sm" c="dimmed">
          {t('logistics.timesAt', { zone: zoneName(sheet.timeZone, currentLocale()) })}
        </Text>
      </Group>
      <SheetTable sheet={sheet} />
    </>
  );
}

function SheetTable({ sheet }: { sheet: LogisticsSheet }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const when = (value: string | null) =>
    value ? formatDate(value, locale, { timeZone: sheet.timeZone }).gregorian : '—';
  return (
    // Nothing in the rows takes focus, so the region itself must, to scroll by keyboard.
    <ResponsiveTable minWidth={1100} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('logistics.rowCount', { count: sheet.rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('logistics.participant')}</Table.Th>
            <Table.Th scope="col">{t('logistics.nation')}</Table.Th>
            <Table.Th scope="col">{t('logistics.rank')}</Table.Th>
            <Table.Th scope="col">{t('logistics.arrival')}</Table.Th>
            <Table.Th scope="col">{t('logistics.departure')}</Table.Th>
            <Table.Th scope="col">{t('logistics.lodging')}</Table.Th>
            <Table.Th scope="col">{t('logistics.visaLetter')}</Table.Th>
            {sheet.passportNumbersShown && (
              <Table.Th scope="col">{t('logistics.passportNumber')}</Table.Th>
            )}
            <Table.Th scope="col">{t('logistics.dietaryNeeds')}</Table.Th>
            <Table.Th scope="col">{t('logistics.notes')}</Table.Th>
            <Table.Th scope="col">{t('logistics.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((row) => (
            <Table.Tr key={row.nominationId}>
              <Table.Th scope="row" fw={500}>
                <PersonName row={row} />
              </Table.Th>
              <Table.Td>{localized(row.nationName, locale)}</Table.Td>
              <Table.Td>
                <bdi dir="ltr">{row.rankCode}</bdi>
                {row.rankTitle && (
                  <Text span display="block" fz="xs" c="dimmed">
                    {row.rankTitle}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Trip at={when(row.arrivalAt)} flight={row.arrivalFlight} />
              </Table.Td>
              <Table.Td>
                <Trip at={when(row.departureAt)} flight={row.departureFlight} />
              </Table.Td>
              <Table.Td>{row.lodging ? t(`logistics.lodgings.${row.lodging}`) : '—'}</Table.Td>
              <Table.Td>
                {row.visaLetterRequested
                  ? t(row.visaLetterRequested === 'yes' ? 'common.yes' : 'common.no')
                  : '—'}
              </Table.Td>
              {sheet.passportNumbersShown && (
                <Table.Td>
                  <bdi dir="ltr">{row.passportNumber ?? '—'}</bdi>
                </Table.Td>
              )}
              {/* Typed text may be in either script: let the browser find its direction. */}
              <Table.Td>
                <bdi>{row.dietaryNeeds ?? '—'}</bdi>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>
                <bdi>{row.notes ?? '—'}</bdi>
              </Table.Td>
              <Table.Td>
                <Completeness row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}

function PersonName({ row }: { row: LogisticsSheetRow }) {
  const arabic = [row.givenNamesArabic, row.familyNameArabic].filter(Boolean).join(' ');
  return (
    <>
      <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
        {row.familyNameLatin.toUpperCase()}, {row.givenNamesLatin}
      </bdi>
      {arabic && (
        <Text span display="block" fz="sm" lang="ar" dir="rtl">
          {arabic}
        </Text>
      )}
    </>
  );
}

function Trip({ at, flight }: { at: string; flight: string | null }) {
  return (
    <>
      <Text span display="block" fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {at}
      </Text>
      {flight && (
        <Text span display="block" fz="xs" c="dimmed">
          <bdi dir="ltr">{flight}</bdi>
        </Text>
      )}
    </>
  );
}

function Completeness({ row }: { row: LogisticsSheetRow }) {
  const { t } = useTranslation();
  if (row.missingFields.length === 0) {
    return <Badge color="teal.9">{t('logistics.complete')}</Badge>;
  }
  const names = row.missingFields.map((field) => t(`logistics.fields.${field}`));
  return (
    <Text span fz="sm" c={DARK_ORANGE}>
      {t('logistics.missingFields', { fields: names.join(t('common.listSeparator')) })}
    </Text>
  );
}
