import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, TotpEnrolment } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { confirmSignInEnrolment, startSignInEnrolment } from './api.js';
import { RecoveryCodesList } from './RecoveryCodesList.js';
import { TotpSetup } from './TotpSetup.js';

/** Forced enrolment: the role requires a second factor, set one up to finish signing in. */
export function EnrolStep({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [done, setDone] = useState<{ me: Me; recoveryCodes: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz={22}>
          {t('secondFactors.enrolTitle')}
        </Title>
        <Text c="dimmed" fz="sm" mt={4}>
          {t('secondFactors.enrolIntro')}
        </Text>
      </div>
      <ProblemAlert error={error} />
      {done ? (
        <>
          <RecoveryCodesList codes={done.recoveryCodes} />
          <Button onClick={() => onSignedIn(done.me)}>{t('secondFactors.continue')}</Button>
        </>
      ) : enrolment ? (
        <TotpSetup
          enrolment={enrolment}
          busy={busy}
          onConfirm={(code) => run(async () => setDone(await confirmSignInEnrolment(code)))}
        />
      ) : (
        <Button
          loading={busy}
          onClick={() => run(async () => setEnrolment(await startSignInEnrolment()))}
        >
          {t('secondFactors.totpStart')}
        </Button>
      )}
    </Stack>
  );
}
