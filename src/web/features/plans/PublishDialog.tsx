import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAccepted } from '../../../contract/plans.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { acceptPlan } from './api.js';

interface Props {
  year: number;
  version: number;
  sessions: number;
  onDone: (result: PlanAccepted) => void;
  onClose: () => void;
}

/** Accepting a version, once confirmed: its sessions enter the calendar as drafts or announced. */
export function PublishDialog({ year, version, sessions, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [as, setAs] = useState<'draft' | 'announced'>('draft');
  return (
    <ConfirmDialog
      title={t('plans.publishTitle', { year, version })}
      figures={[{ label: t('plans.publishCount'), value: sessions }]}
      body={
        <Stack gap="xs">
          <Radio.Group
            label={t('plans.publishAs')}
            value={as}
            onChange={(v) => setAs(v === 'announced' ? 'announced' : 'draft')}
          >
            <Stack gap={6} mt={4}>
              <Radio value="draft" label={t('plans.publishDraft')} />
              <Radio value="announced" label={t('plans.publishAnnounced')} />
            </Stack>
          </Radio.Group>
          <Text fz="sm">{t('plans.publishBody')}</Text>
        </Stack>
      }
      confirmLabel={t('plans.publishConfirm')}
      onConfirm={async () => onDone(await acceptPlan(year, version, as === 'announced'))}
      onClose={onClose}
    />
  );
}
