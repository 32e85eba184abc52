import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudOff, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type {
  AttendanceMark,
  AttendanceParticipant,
  AttendanceStatus,
} from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { DARK_ORANGE } from '../nominations/labels.js';
import { namesOf, timeAt } from './labels.js';
import { MarkButtons } from './MarkButtons.js';
import type { MarkConflict } from './queue.js';

export interface RowProps {
  participant: AttendanceParticipant;
  serverMark: AttendanceMark | undefined;
  shown: AttendanceStatus | null;
  unsent: boolean;
  conflict: MarkConflict | undefined;
  disabled: boolean;
  timeZone: string;
  onMark: (status: AttendanceStatus) => void;
  onKeepTheirs: () => void;
  onApplyMine: () => void;
}

/** One participant on one day: who, the three toggles, and what is known of the mark. */
export function RosterRow(props: RowProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { participant, serverMark, conflict } = props;
  const names = namesOf(participant, locale);
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={500}>
          <Text fw={600} lang={names.primaryIsArabic ? 'ar' : undefined}>
            {names.primary}
          </Text>
          {names.secondary && (
            <Text fz="sm" c="dimmed" lang={names.primaryIsArabic ? undefined : 'ar'}>
              <bdi>{names.secondary}</bdi>
            </Text>
          )}
          <Text fz="xs" c="dimmed">
            <bdi dir="ltr">{participant.nationCode}</bdi> ·{' '}
            {participant.rankTitle ?? <bdi dir="ltr">{participant.rankCode}</bdi>}
          </Text>
          <Stack gap={4} align="flex-start" mt={4}>
            {props.unsent && (
              <Badge color={DARK_ORANGE} leftSection={<IconCloudOff size={12} aria-hidden />}>
                {t('attendance.notYetSent')}
              </Badge>
            )}
            {!props.unsent && serverMark?.source === 'check-in' && (
              <Badge
                color="teal.9"
                variant="outline"
                leftSection={<IconUserCheck size={12} aria-hidden />}
              >
                {t('attendance.checkedIn')}
              </Badge>
            )}
            {!props.unsent && serverMark && (
              <Text fz="xs" c="dimmed">
                {t('attendance.markedBy', {
                  name: serverMark.markedByName ?? t('attendance.someone'),
                  time: timeAt(serverMark.markedAt, props.timeZone, locale),
                })}
              </Text>
            )}
          </Stack>
        </Table.Th>
        <Table.Td>
          <MarkButtons
            label={t('attendance.markFor', { name: names.primary })}
            value={props.shown}
            disabled={props.disabled}
            onChange={props.onMark}
          />
        </Table.Td>
      </Table.Tr>
      {conflict && (
        <Table.Tr>
          <Table.Td colSpan={2}>
            <Alert
              color={DARK_ORANGE}
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('attendance.conflictTitle', { name: names.primary })}
            >
              <Text fz="sm" mb="xs">
                {t('attendance.conflictText', {
                  name: conflict.theirs.markedByName ?? t('attendance.someone'),
                  time: timeAt(conflict.theirs.markedAt, props.timeZone, locale),
                  theirs: t(`attendance.status.${conflict.theirs.status}`),
                  mine: t(`attendance.status.${conflict.mine}`),
                })}
              </Text>
              <Group gap="xs">
                <Button size="md" variant="default" onClick={props.onKeepTheirs}>
                  {t('attendance.keepTheirs')}
                </Button>
                <Button size="md" color={DARK_ORANGE} onClick={props.onApplyMine}>
                  {t('attendance.applyMine')}
                </Button>
              </Group>
            </Alert>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
