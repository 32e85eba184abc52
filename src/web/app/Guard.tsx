import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../contract/index.js';
import { PageHeader } from '../components/PageHeader.js';
import { useCan } from '../features/auth/session.js';

/** The server enforces permissions; this only spares the user a page of errors. */
export function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert color="orange">{t('errors.forbidden')}</Alert>
    </>
  );
}
