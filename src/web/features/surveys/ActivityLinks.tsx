import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyTemplate } from '../../../contract/index.js';
import { attachSurvey, detachSurvey, surveyKeys } from './api.js';
import { surveyErrorMessage } from './errors.js';

/**
 * The activities that use a template at its level, and a form to attach it to one more: at
 * level 3 with the delay in months and whether supervisors are asked too.
 */
export function ActivityLinks({ template }: { template: SurveyTemplate }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [activityCode, setActivityCode] = useState('');
  const [delayMonths, setDelayMonths] = useState<number | string>(6);
  const [askSupervisor, setAskSupervisor] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const level = template.level;

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const attach = () =>
    run(async () => {
      await attachSurvey(activityCode.trim(), level, {
        templateCode: template.code,
        ...(level === 3 ? { delayMonths: Number(delayMonths), askSupervisor } : {}),
      });
      setActivityCode('');
    });

  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {t('surveys.links.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t(`surveys.links.explain${level}`)}
      </Text>
      {error !== null && (
        <Alert color="red" role="alert" mb="sm">
          {surveyErrorMessage(error)}
        </Alert>
      )}
      {template.activityCodes.length === 0 ? (
        <Text fz="sm" c="dimmed" mb="sm">
          {t('surveys.links.none')}
        </Text>
      ) : (
        <Table fz="sm" mb="sm" verticalSpacing={4}>
          <Table.Tbody>
            {template.activityCodes.map((code) => (
              <Table.Tr key={code}>
                <Table.Td ff="monospace">
                  <bdi dir="ltr">{code}</bdi>
                </Table.Td>
                <Table.Td ta="end">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    onClick={() => void run(() => detachSurvey(code, level))}
                    aria-label={t('surveys.links.detachLabel', { code })}
                  >
                    {t('surveys.links.detach')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('surveys.links.activityCode')}
            dir="ltr"
            value={activityCode}
            onChange={(event) => setActivityCode(event.currentTarget.value)}
          />
          {level === 3 && (
            <NumberInput
              label={t('surveys.links.delayMonths')}
              min={1}
              max={24}
              w={160}
              value={delayMonths}
              onChange={setDelayMonths}
            />
          )}
          <Button
            loading={busy}
            disabled={activityCode.trim() === ''}
            onClick={() => void attach()}
          >
            {t('surveys.links.attach')}
          </Button>
        </Group>
        {level === 3 && (
          <Checkbox
            label={t('surveys.links.askSupervisor')}
            checked={askSupervisor}
            onChange={(event) => setAskSupervisor(event.currentTarget.checked)}
          />
        )}
      </Stack>
    </Paper>
  );
}
