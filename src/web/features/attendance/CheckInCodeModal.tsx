import { Alert, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday, zonedText } from '../../lib/dates.js';
import { checkInCodeQuery } from './api.js';
import { attendanceError } from './labels.js';

/** The day's QR code, full screen, for a projector or a screen turned to the room. */
export function CheckInCodeModal({
  sessionCode,
  day,
  timeZone,
  opened,
  onClose,
}: {
  sessionCode: string;
  day: string;
  timeZone: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const query = useQuery({ ...checkInCodeQuery(sessionCode, day), enabled: opened });
  const dayLabel = formatWeekday(day, locale);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen
      title={t('attendance.checkInCodeTitle', { day: dayLabel })}
      closeButtonProps={{ 'aria-label': t('attendance.close') }}
    >
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.isError && <Alert color="red">{attendanceError(query.error)}</Alert>}
      {query.data && (
        <Stack align="center" gap="md">
          <Text fz="xl" fw={600} ta="center">
            {t('attendance.scanToCheckIn')}
          </Text>
          <Image
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(query.data.qrSvg)}`}
            alt={t('attendance.qrAlt', { day: dayLabel })}
            w="min(70vh, 90vw)"
            h="min(70vh, 90vw)"
            fit="contain"
            bg="white"
          />
          <Text fz="lg">
            {t('attendance.validUntil', {
              time: zonedText(query.data.expiresAt, locale, timeZone),
            })}
          </Text>
          <Text fz="sm" c="dimmed" ta="center" style={{ wordBreak: 'break-all' }}>
            <bdi dir="ltr">{query.data.url}</bdi>
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
