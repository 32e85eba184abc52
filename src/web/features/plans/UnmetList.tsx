import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../contract/plans.js';

/** Demand the plan leaves unmet, each line with why (no venue, staff, free week or capacity). */
export function UnmetList({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-unmet">
      <Title order={2} fz="lg" mb="xs" id="plan-unmet">
        {t('plans.unmetTitle')}
      </Title>
      {plan.unmet.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('plans.unmetNone')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plans.activity')}</Table.Th>
                <Table.Th scope="col">{t('plans.nation')}</Table.Th>
                <Table.Th scope="col">{t('plans.seats')}</Table.Th>
                <Table.Th scope="col">{t('plans.priority')}</Table.Th>
                <Table.Th scope="col">{t('plans.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.unmet.map((u) => (
                <Table.Tr key={`${u.lineId}-${u.reason}`}>
                  <Table.Td>{u.activityCode}</Table.Td>
                  <Table.Td>{u.nationCode}</Table.Td>
                  <Table.Td>{u.seats}</Table.Td>
                  <Table.Td>{u.priority}</Table.Td>
                  <Table.Td>{t(`plans.unmetReason.${u.reason}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <Title order={3} fz="md" mt="md" mb={4}>
            {t('plans.conflictsTitle')}
          </Title>
          <ul>
            {plan.conflicts.map((c) => (
              <li key={`${c.kind}-${c.week}-${c.subject}`}>
                <Text fz="sm">
                  {t(`plans.conflict.${c.kind}`, { week: c.week + 1, subject: c.subject })}:{' '}
                  {c.sessions.join(', ')}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}
