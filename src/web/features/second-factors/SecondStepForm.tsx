import { Button, Divider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, SecondFactorMethod } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { signInWithPasskey, signInWithRecoveryCode, signInWithTotp } from './api.js';

/** The second step of a sign-in: a code from the app, a passkey, or a recovery code. */
export function SecondStepForm({
  methods,
  onSignedIn,
}: {
  methods: SecondFactorMethod[];
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(
    !methods.includes('totp') && !methods.includes('passkey'),
  );
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function attempt(work: () => Promise<Me>) {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await work());
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
          {t('secondFactors.secondStepTitle')}
        </Title>
        <Text c="dimmed" fz="sm" mt={4}>
          {t('secondFactors.secondStepIntro')}
        </Text>
      </div>
      <ProblemAlert error={error} />
      {methods.includes('passkey') && (
        <Button variant="filled" loading={busy} onClick={() => attempt(signInWithPasskey)}>
          {t('secondFactors.usePasskey')}
        </Button>
      )}
      {(methods.includes('totp') || useRecovery) && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void attempt(() => (useRecovery ? signInWithRecoveryCode(code) : signInWithTotp(code)));
          }}
        >
          <Stack gap="sm">
            {methods.includes('passkey') && <Divider label={t('secondFactors.or')} />}
            <TextInput
              label={useRecovery ? t('secondFactors.recoveryCode') : t('secondFactors.totpCode')}
              inputMode={useRecovery ? 'text' : 'numeric'}
              autoComplete="one-time-code"
              dir="ltr"
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <Button
              type="submit"
              variant={methods.includes('passkey') ? 'default' : 'filled'}
              loading={busy}
            >
              {t('secondFactors.verify')}
            </Button>
          </Stack>
        </form>
      )}
      {methods.includes('recovery_code') && !useRecovery && (
        <Button variant="subtle" size="compact-sm" onClick={() => setUseRecovery(true)}>
          {t('secondFactors.useRecoveryCode')}
        </Button>
      )}
      <Text fz="xs" c="dimmed">
        {t('secondFactors.lostFactor')}
      </Text>
    </Stack>
  );
}
