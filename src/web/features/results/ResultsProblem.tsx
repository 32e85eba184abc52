import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { resultsError, unconfirmedNames } from './labels.js';

/** A refused change, in this feature's words; a refused closing lists who is unconfirmed. */
export function ResultsProblem({ error }: { error: unknown }) {
  useTranslation();
  if (!error) return null;
  const names = unconfirmedNames(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" mb="sm">
      {resultsError(error)}
      {names.length > 0 && (
        <List size="sm" mt={4}>
          {names.map((name) => (
            <List.Item key={name}>
              <bdi>{name}</bdi>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
