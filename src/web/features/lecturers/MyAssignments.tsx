import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { myAssignmentsQuery } from './api.js';

/**
 * "My assignments": the sessions the signed-in user teaches or speaks on as a registered
 * lecturer. Shown only to someone the registry knows; nothing otherwise.
 */
export function MyAssignments() {
  const { t } = useTranslation();
  const mine = useQuery(myAssignmentsQuery);
  const locale = currentLocale();
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="my-assignments">
      <Title order={2} fz="lg" mb="xs" id="my-assignments">
        {t('lecturers.mine.title')}
      </Title>
      <ResponsiveTable minWidth={640}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lecturers.mine.session')}</Table.Th>
              <Table.Th scope="col">{t('lecturers.mine.dates')}</Table.Th>
              <Table.Th scope="col">{t('lecturers.role')}</Table.Th>
              <Table.Th scope="col">{t('lecturers.mine.where')}</Table.Th>
              <Table.Th scope="col">{t('lecturers.travel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <AnchorLink to="/sessions/$code" params={{ code: a.sessionCode }} fz="sm">
                      <bdi dir="ltr">{a.sessionCode}</bdi>
                    </AnchorLink>
                    <Text fz="sm">{localized(a.activityTitle, locale)}</Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <DateRangeText start={a.startDate} end={a.endDate} />
                </Table.Td>
                <Table.Td>{t(`lecturers.roles.${a.role}`)}</Table.Td>
                <Table.Td>
                  {localized(a.venueName, locale)}
                  {a.roomName ? ` · ${a.roomName}` : ''}
                </Table.Td>
                <Table.Td>
                  {[a.arrivalFlight, a.departureFlight, a.hotel].filter(Boolean).join(' · ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </Paper>
  );
}
