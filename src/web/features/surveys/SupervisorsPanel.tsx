import { Badge, Button, Group, Loader, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorLine } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { setSupervisor, supervisorsQuery, surveyKeys } from './api.js';
import { surveyErrorMessage } from './errors.js';

const STATE_COLOURS: Record<SupervisorLine['state'], string> = {
  none: 'gray',
  pending: 'blue',
  sent: 'indigo',
  answered: 'teal',
};

function SupervisorRow({ code, line }: { code: string; line: SupervisorLine }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(line.email ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locked = line.state === 'sent' || line.state === 'answered';
  async function save() {
    setBusy(true);
    setError(null);
    try {
      await setSupervisor(code, line.nominationId, email.trim() === '' ? null : email.trim());
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    } catch (caught) {
      setError(surveyErrorMessage(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Table.Tr>
      <Table.Td>
        <bdi dir="ltr">{line.participantName}</bdi>
        <Text span c="dimmed" ms={6} fz="xs">
          {line.nationCode}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            type="email"
            dir="ltr"
            aria-label={t('surveys.supervisors.emailFor', { name: line.participantName })}
            value={email}
            disabled={locked}
            error={error}
            onChange={(event) => setEmail(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          {!locked && (
            <Button size="xs" variant="light" loading={busy} onClick={() => void save()}>
              {t('surveys.supervisors.save')}
            </Button>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATE_COLOURS[line.state]}>
          {t(`surveys.supervisors.state.${line.state}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

/** The registrar names each participant's supervisor before level 3 goes out. */
export function SupervisorsPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useQuery(supervisorsQuery(code));
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {t('surveys.supervisors.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('surveys.supervisors.explain')}
      </Text>
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : (
        <ResponsiveTable minWidth={560}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.supervisors.participant')}</Table.Th>
                <Table.Th>{t('surveys.supervisors.email')}</Table.Th>
                <Table.Th>{t('surveys.supervisors.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((line) => (
                <SupervisorRow key={line.nominationId} code={code} line={line} />
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </Paper>
  );
}
