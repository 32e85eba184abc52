import { Button, Group } from '@mantine/core';
import { IconCheck, IconClockQuestion, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../contract/index.js';
import { STATUS_COLOR } from './labels.js';

const ICONS = { present: IconCheck, absent: IconX, excused: IconClockQuestion };

/** Three large toggles, one pressed: sized for a finger on a tablet. */
export function MarkButtons({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: AttendanceStatus | null;
  disabled: boolean;
  onChange: (status: AttendanceStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={label}>
      {ATTENDANCE_STATUSES.map((status) => {
        const Icon = ICONS[status];
        const pressed = value === status;
        return (
          <Button
            key={status}
            size="md"
            h={48}
            miw={104}
            px="sm"
            variant={pressed ? 'filled' : 'default'}
            color={pressed ? STATUS_COLOR[status] : undefined}
            aria-pressed={pressed}
            disabled={disabled}
            leftSection={<Icon size={18} aria-hidden />}
            onClick={() => onChange(status)}
          >
            {t(`attendance.status.${status}`)}
          </Button>
        );
      })}
    </Group>
  );
}
