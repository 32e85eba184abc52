import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NominationSummary } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateRange, zonedText } from '../../lib/dates.js';

type Waitlist = NonNullable<NominationSummary['waitlist']>;

/**
 * Why a waitlisted nomination stands where it does, in the order the criteria apply: its nation
 * still owed quota seats, the nation's own ranking, then the time of submission; and why
 * automatic promotion passes over a person selected elsewhere over the same days.
 */
export function WaitlistReason({ waitlist }: { waitlist: Waitlist }) {
  const { t } = useTranslation();
  const at = zonedText(waitlist.submittedAt, currentLocale());
  const parts = [
    waitlist.entitled ? t('nominations.waitReason.entitled') : t('nominations.waitReason.pool'),
    waitlist.priority !== null
      ? t('nominations.waitReason.priority', { priority: waitlist.priority })
      : t('nominations.waitReason.unranked'),
    t('nominations.waitReason.submitted', { at }),
  ];
  const elsewhere = waitlist.selectedElsewhere;
  if (elsewhere) {
    parts.push(
      t('nominations.waitReason.selectedElsewhere', {
        // Isolated, so the code keeps its order inside Arabic text.
        session: `\u2068${elsewhere.sessionCode}\u2069`,
        dates: formatDateRange(elsewhere.startDate, elsewhere.endDate, currentLocale()).gregorian,
      }),
    );
  }
  return (
    <Text span display="block" fz="xs" c="dimmed" maw={280}>
      {parts.join(t('nominations.waitReason.separator'))}
    </Text>
  );
}
