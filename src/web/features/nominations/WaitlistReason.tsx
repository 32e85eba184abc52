import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationSummary } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDate } from '../../lib/dates.js';

type Waitlist = NonNullable<NominationSummary['waitlist']>;

/**
 * Why a waitlisted nomination stands where it does, in the order the criteria apply: its nation
 * still owed quota seats, the nation's own ranking, then the time of submission.
 */
export function WaitlistReason({ waitlist }: { waitlist: Waitlist }) {
  const { t } = useTranslation();
  const at = formatDate(waitlist.submittedAt, currentLocale(), { withTime: true }).gregorian;
  const parts = [
    waitlist.entitled ? t('nominations.waitReason.entitled') : t('nominations.waitReason.pool'),
    waitlist.priority !== null
      ? t('nominations.waitReason.priority', { priority: waitlist.priority })
      : t('nominations.waitReason.unranked'),
    t('nominations.waitReason.submitted', { at }),
  ];
  return (
    <Text span display="block" fz="xs" c="dimmed" maw={280}>
      {parts.join(t('nominations.waitReason.separator'))}
    </Text>
  );
}
