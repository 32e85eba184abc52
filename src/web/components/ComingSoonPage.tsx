import { Alert } from '@mantine/core';
import { IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.js';

export type ComingSoonArea = 'nominations' | 'programmes' | 'reports';

/** Areas of the navigation that exist in the plan but not yet in the product. */
export function ComingSoonPage({ area }: { area: ComingSoonArea }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <>
      <PageHeader title={name} />
      <Alert
        color="indigo"
        variant="outline"
        icon={<IconHourglass size={18} aria-hidden />}
        title={t('comingSoon.title', { area: name })}
        maw={760}
      >
        {t(`comingSoon.${area}`)}
      </Alert>
    </>
  );
}
