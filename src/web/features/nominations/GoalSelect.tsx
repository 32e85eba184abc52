import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlannedCandidate } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';

const NONE = 'none';

/**
 * Which goal of the nation's programme in force the nomination serves, if any. Shown only when
 * the programme plans the session's activity that year: otherwise there is nothing to choose.
 */
export function GoalSelect({
  candidates,
  value,
  onChange,
}: {
  candidates: readonly PlannedCandidate[];
  value: string | null;
  onChange: (plannedActivityId: string | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (candidates.length === 0) return null;
  return (
    <Select
      label={t('nominations.servesGoal')}
      description={t('nominations.servesGoalHint')}
      data={[
        { value: NONE, label: t('nominations.servesGoalNone') },
        ...candidates.map((c) => ({
          value: c.id,
          label: t('nominations.goalOption', {
            goal: localized(c.goalTitle, locale),
            objective: localized(c.objectiveTitle, locale),
          }),
        })),
      ]}
      value={value ?? NONE}
      onChange={(picked) => onChange(picked === null || picked === NONE ? null : picked)}
      allowDeselect={false}
      maw={720}
    />
  );
}
