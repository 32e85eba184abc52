import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LecturerConflict } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatDateRange } from '../../lib/dates.js';

/** First-strong isolate: a code keeps its own direction inside Arabic text. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The conflicts a `lecturer_conflict` answer lists, or null for any other outcome. */
export function lecturerConflictsOf(error: unknown): LecturerConflict[] | null {
  if (!isApiError(error) || error.code !== 'lecturer_conflict') return null;
  const conflicts = (error.body as { conflicts?: LecturerConflict[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}

/** Each reason a lecturer should not be on a session, as a sentence. */
export function ConflictList({ conflicts }: { conflicts: LecturerConflict[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <List size="sm">
      {conflicts.map((c) =>
        c.kind === 'session' ? (
          <List.Item key={`s-${c.sessionCode}`}>
            {t('lecturers.conflict.session', {
              session: isolate(c.sessionCode),
              role: t(`lecturers.roles.${c.role}`),
              dates: formatDateRange(c.startDate, c.endDate, locale).gregorian,
            })}
          </List.Item>
        ) : (
          <List.Item key={`u-${c.from}-${c.to}`}>
            {t('lecturers.conflict.unavailable', {
              dates: formatDateRange(c.from, c.to, locale).gregorian,
            })}
            {c.note ? ` (${c.note})` : ''}
          </List.Item>
        ),
      )}
    </List>
  );
}
