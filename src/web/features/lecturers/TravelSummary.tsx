import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTimeText } from '../../components/DateTimeText.js';
import type { TravelRecord } from './TravelModal.js';

/** Arrival, departure and hotel in a few lines, on the venue's clock; or that none is recorded. */
export function TravelSummary({ travel, timeZone }: { travel: TravelRecord; timeZone: string }) {
  const { t } = useTranslation();
  const { arrivalAt, arrivalFlight, departureAt, departureFlight, hotel } = travel;
  return (
    <Stack gap={2} fz="sm">
      {arrivalAt || arrivalFlight ? (
        <Text fz="sm">
          {t('lecturers.arrives')} <DateTimeText value={arrivalAt} timeZone={timeZone} />
          {arrivalFlight && <bdi dir="ltr"> {arrivalFlight}</bdi>}
        </Text>
      ) : null}
      {departureAt || departureFlight ? (
        <Text fz="sm">
          {t('lecturers.departs')} <DateTimeText value={departureAt} timeZone={timeZone} />
          {departureFlight && <bdi dir="ltr"> {departureFlight}</bdi>}
        </Text>
      ) : null}
      {hotel && <Text fz="sm">{t('lecturers.hotelIs', { hotel })}</Text>}
      {!arrivalAt && !departureAt && !hotel && !arrivalFlight && !departureFlight && (
        <Text fz="sm" c="dimmed">
          {t('lecturers.noTravel')}
        </Text>
      )}
    </Stack>
  );
}
