import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown this once, with a button that copies it. */
export function SecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('webhooks.secretTitle')}
    >
      <Stack gap="sm">
        <Alert color="yellow.9" variant="light">
          {t('webhooks.secretOnce')}
        </Alert>
        <Code block dir="ltr" data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <Text fz="sm">{t('webhooks.secretUse')}</Text>
        <Group justify="flex-end">
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('webhooks.copied') : t('webhooks.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('webhooks.stored')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
