import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationStatus } from '../../../contract/index.js';
import { NOMINATION_STATUS_COLOR } from './labels.js';

export function StatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={NOMINATION_STATUS_COLOR[status]} style={{ flexShrink: 0 }}>
      {t(`nominations.status.${status}`)}
    </Badge>
  );
}
