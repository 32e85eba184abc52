import {
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import {
  addPasskey,
  confirmTotp,
  removePasskey,
  removeTotp,
  replaceRecoveryCodes,
  secondFactorsQuery,
  startTotp,
} from './api.js';
import { RecoveryCodesList } from './RecoveryCodesList.js';
import { TotpSetup } from './TotpSetup.js';

/** The account page's second factors: an authenticator app, passkeys, recovery codes. */
export function SecondFactorsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const factors = useQuery(secondFactorsQuery);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [passkeyName, setPasskeyName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(work: () => Promise<void>, done?: string) {
    setBusy(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: secondFactorsQuery.queryKey });
      if (done) notifications.show({ color: 'teal', message: done });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const data = factors.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="second-factors-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="second-factors-heading">
          {t('secondFactors.title')}
        </Title>
        {data?.required && <Badge color="indigo">{t('secondFactors.requiredForRole')}</Badge>}
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('secondFactors.description')}
      </Text>
      {factors.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={factors.error ?? error} />
      {codes && <RecoveryCodesList codes={codes} />}
      {data && (
        <Stack gap="lg">
          <section aria-labelledby="totp-heading">
            <Title order={3} fz="md" id="totp-heading" mb="xs">
              {t('secondFactors.totpTitle')}
            </Title>
            {data.totp ? (
              <Group>
                <Text fz="sm">{t('secondFactors.totpEnrolledOn')}</Text>
                <DateText fz="sm" value={data.totp.enrolledAt} />
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={busy}
                  onClick={() => run(removeTotp, t('secondFactors.totpRemoved'))}
                >
                  {t('secondFactors.remove')}
                </Button>
              </Group>
            ) : enrolment ? (
              <TotpSetup
                enrolment={enrolment}
                busy={busy}
                onConfirm={(code) =>
                  run(async () => {
                    const added = await confirmTotp(code);
                    setEnrolment(null);
                    setCodes(added.recoveryCodes);
                  }, t('secondFactors.totpAdded'))
                }
              />
            ) : (
              <Button
                variant="default"
                loading={busy}
                onClick={() => run(async () => setEnrolment(await startTotp()))}
              >
                {t('secondFactors.totpStart')}
              </Button>
            )}
          </section>

          <section aria-labelledby="passkeys-heading">
            <Title order={3} fz="md" id="passkeys-heading" mb="xs">
              {t('secondFactors.passkeysTitle')}
            </Title>
            {data.passkeys.length === 0 ? (
              <Text fz="sm" mb="xs">
                {t('secondFactors.noPasskeys')}
              </Text>
            ) : (
              <List mb="xs" aria-label={t('secondFactors.passkeysTitle')}>
                {data.passkeys.map((key) => (
                  <List.Item key={key.id}>
                    <Group gap="xs">
                      <Text fz="sm" fw={500}>
                        {key.name}
                      </Text>
                      <DateText fz="xs" c="dimmed" value={key.createdAt} />
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('secondFactors.removeNamed', { name: key.name })}
                        onClick={() =>
                          run(() => removePasskey(key.id), t('secondFactors.passkeyRemoved'))
                        }
                      >
                        {t('secondFactors.remove')}
                      </Button>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void run(async () => {
                  const added = await addPasskey(passkeyName.trim());
                  setPasskeyName('');
                  if (added.recoveryCodes) setCodes(added.recoveryCodes);
                }, t('secondFactors.passkeyAdded'));
              }}
            >
              <Group align="end">
                <TextInput
                  label={t('secondFactors.passkeyName')}
                  placeholder={t('secondFactors.passkeyNamePlaceholder')}
                  required
                  maxLength={100}
                  value={passkeyName}
                  onChange={(event) => setPasskeyName(event.currentTarget.value)}
                />
                <Button type="submit" variant="default" loading={busy}>
                  {t('secondFactors.passkeyAdd')}
                </Button>
              </Group>
            </form>
          </section>

          {(data.totp || data.passkeys.length > 0) && (
            <section aria-labelledby="recovery-heading">
              <Title order={3} fz="md" id="recovery-heading" mb="xs">
                {t('secondFactors.recoveryCodesTitle')}
              </Title>
              <Group>
                <Text fz="sm">
                  {t('secondFactors.recoveryCodesLeft', { count: data.recoveryCodesLeft })}
                </Text>
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={busy}
                  onClick={() =>
                    run(async () => setCodes((await replaceRecoveryCodes()).recoveryCodes))
                  }
                >
                  {t('secondFactors.recoveryCodesReplace')}
                </Button>
              </Group>
            </section>
          )}
        </Stack>
      )}
    </Paper>
  );
}
