import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrainingRecord } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { NOMINATION_STATUS_COLOR } from './labels.js';

interface Props {
  records: readonly TrainingRecord[];
  caption: string;
  /** Past training shows what became of it; current nominations have no result yet. */
  withResult: boolean;
}

/** Nominations of one person, one row each: the session, the course, the dates, the outcome. */
export function TrainingTable({ records, caption, withResult }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={720}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('participants.session')}</Table.Th>
            <Table.Th scope="col">{t('participants.course')}</Table.Th>
            <Table.Th scope="col">{t('participants.dates')}</Table.Th>
            <Table.Th scope="col">{t('participants.nominationStatus')}</Table.Th>
            {withResult && <Table.Th scope="col">{t('participants.result')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((r) => (
            <Table.Tr key={r.nominationId}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/sessions/$code" params={{ code: r.sessionCode }}>
                  <bdi dir="ltr">{r.sessionCode}</bdi>
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                {localized(r.activityTitle, locale)}
                <Text span display="block" fz="xs" c="dimmed" ff="monospace">
                  <bdi dir="ltr">{r.activityCode}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <DateRangeText start={r.startDate} end={r.endDate} stacked fz="sm" />
              </Table.Td>
              <Table.Td>
                <Badge color={NOMINATION_STATUS_COLOR[r.status] ?? 'gray.7'} variant="outline">
                  {t(`participants.status.${r.status}`, { defaultValue: r.status })}
                </Badge>
              </Table.Td>
              {withResult && (
                <Table.Td>
                  {r.result
                    ? t(`participants.results.${r.result}`, { defaultValue: r.result })
                    : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
