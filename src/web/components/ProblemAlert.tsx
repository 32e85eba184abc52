import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';

export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={title}
      role="alert"
      mb="sm"
    >
      {errorMessage(error)}
    </Alert>
  );
}
