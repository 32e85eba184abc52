import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Recovery codes as they are shown: once, with what they are for. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('secondFactors.recoveryCodesTitle')}>
      <Text fz="sm" mb="xs">
        {t('secondFactors.recoveryCodesOnce')}
      </Text>
      <List aria-label={t('secondFactors.recoveryCodesTitle')} ff="monospace" dir="ltr">
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
