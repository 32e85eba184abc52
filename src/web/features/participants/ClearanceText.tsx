import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { daysUntil, localToday } from './labels.js';

/** Within this many days an expiry is flagged, so a renewal can start before a course. */
const SOON_DAYS = 60;

/** The clearance, its expiry, and a flag when it has expired or expires soon. */
export function ClearanceText({
  person,
}: {
  person: Pick<Participant, 'clearanceLevel' | 'clearanceExpiresOn'>;
}) {
  const { t } = useTranslation();
  const expiry = person.clearanceExpiresOn;
  const left = expiry ? daysUntil(expiry, localToday()) : null;
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <Text span fz="inherit">
        {t(`clearance.${person.clearanceLevel}`)}
      </Text>
      {expiry && person.clearanceLevel !== 'NONE' && (
        <Text span fz="inherit" c="dimmed">
          {t('participants.expiresOn')} <DateText value={expiry} />
        </Text>
      )}
      {left !== null && left < 0 && (
        <Badge color="red.9" variant="filled">
          {t('participants.expired')}
        </Badge>
      )}
      {left !== null && left >= 0 && left <= SOON_DAYS && (
        <Badge color="red.9" variant="outline">
          {t('participants.expiresSoon', { count: left })}
        </Badge>
      )}
    </Group>
  );
}
