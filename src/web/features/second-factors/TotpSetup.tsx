import { Anchor, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../../contract/index.js';

/** The secret of an authenticator app being set up, and the field for its first code. */
export function TotpSetup({
  enrolment,
  onConfirm,
  busy,
}: {
  enrolment: TotpEnrolment;
  onConfirm: (code: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(code);
      }}
    >
      <Stack gap="sm">
        <Text fz="sm">{t('secondFactors.totpInstructions')}</Text>
        <Code block dir="ltr" aria-label={t('secondFactors.totpSecret')}>
          {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </Code>
        <Anchor href={enrolment.uri} fz="sm">
          {t('secondFactors.totpOpenApp')}
        </Anchor>
        <TextInput
          label={t('secondFactors.totpCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy}>
          {t('secondFactors.totpConfirm')}
        </Button>
      </Stack>
    </form>
  );
}
