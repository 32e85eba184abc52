import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../contract/plans.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { addSession, planKeys } from './api.js';
import { weekChoices } from './SessionPanel.js';

interface Props {
  plan: Plan;
  activities: readonly { value: string; label: string }[];
  venues: readonly { value: string; label: string }[];
  onClose: () => void;
}

/** Adds a run of an activity by hand; the API checks the week as the planner would. */
export function AddSessionModal({ plan, activities, venues, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [activity, setActivity] = useState<string | null>(activities[0]?.value ?? null);
  const [venue, setVenue] = useState<string | null>(venues[0]?.value ?? null);
  const [week, setWeek] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (!activity || !venue || week === null) return;
    setBusy(true);
    setError(null);
    try {
      await addSession(plan.year, plan.version, {
        activityCode: activity,
        venueCode: venue,
        week: Number(week),
      });
      await queryClient.invalidateQueries({ queryKey: planKeys.year(plan.year) });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('plans.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Select
          label={t('plans.activity')}
          data={activities}
          value={activity}
          onChange={setActivity}
          searchable
          required
        />
        <Select label={t('plans.venue')} data={venues} value={venue} onChange={setVenue} required />
        <Select
          label={t('plans.startWeek')}
          data={weekChoices(plan.year, currentLocale(), t('plans.week'))}
          value={week}
          onChange={setWeek}
          searchable
          required
        />
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={!activity || !venue || week === null}
          >
            {t('plans.addAction')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
