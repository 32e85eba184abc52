import { Alert, List, Stack, Text } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { REDATING_CODES, type RedatingConflict } from '../../../domain/session-redating.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatDate } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';

/** First-strong isolate: a Latin name or a code keeps its order inside Arabic text. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The conflicts a refused move names, or null for any other outcome. */
export function moveConflictsOf(error: unknown): RedatingConflict[] | null {
  if (!isApiError(error) || !(REDATING_CODES as readonly string[]).includes(error.code)) {
    return null;
  }
  const conflicts = (error.body as { conflicts?: RedatingConflict[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}

/**
 * Says why a published session cannot move to the dates or venue asked for, one line per
 * conflict in the reader's language: nothing was saved, the form keeps what was typed.
 */
export function MoveConflictAlert({ conflicts }: { conflicts: RedatingConflict[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const day = (date: string) => formatDate(date, locale).gregorian;
  const line = (c: RedatingConflict) => {
    switch (c.code) {
      case 'venue_closed':
        return c.holiday
          ? t('sessions.moveConflict.venueHoliday', {
              date: day(c.date),
              holiday: localized(c.holiday, locale),
            })
          : t('sessions.moveConflict.venueClosed', { date: day(c.date) });
      case 'outside_programme_years':
        return t('sessions.moveConflict.programme', {
          name: isolate(c.participantName),
          years: c.years.join(', '),
        });
      case 'breaks_eligibility':
        return c.rule === 'clearance-expiry'
          ? t('sessions.moveConflict.clearance', {
              name: isolate(c.participantName),
              expires: day(c.params.expires ?? ''),
            })
          : t('sessions.moveConflict.overlap', {
              name: isolate(c.participantName),
              session: isolate(c.params.session ?? ''),
            });
    }
  };
  return (
    <Alert
      color="red"
      icon={<IconCalendarOff size={18} aria-hidden />}
      title={t('sessions.moveConflict.title')}
      role="alert"
    >
      <Stack gap="xs">
        <List size="sm">
          {conflicts.map((c) => (
            <List.Item
              key={`${c.code}-${c.field}-${'nominationId' in c ? c.nominationId : c.date}-${'rule' in c ? c.rule : ''}`}
            >
              {line(c)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('sessions.moveConflict.explain')}</Text>
      </Stack>
    </Alert>
  );
}
