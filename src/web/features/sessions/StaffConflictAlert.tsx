import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffConflict } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatDateRange } from '../../lib/dates.js';

/** First-strong isolate: the text keeps its own direction wherever it is put. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The clashes a `staff_conflict` answer names, or null for any other outcome. */
export function staffConflictsOf(error: unknown): StaffConflict[] | null {
  if (!isApiError(error) || error.code !== 'staff_conflict') return null;
  const conflicts = (error.body as { conflicts?: StaffConflict[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}

/**
 * Says who is already on another session on those days and lets the registrar keep them on
 * both: a director may only open a course, a visiting instructor may teach two half-days.
 */
export function StaffConflictAlert({
  conflicts,
  onConfirm,
  submitting,
}: {
  conflicts: StaffConflict[];
  onConfirm: () => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Alert
      color="yellow"
      icon={<IconUsersGroup size={18} aria-hidden />}
      title={t('sessions.staffConflict.title')}
      role="alert"
    >
      <Stack gap="xs">
        <List size="sm">
          {conflicts.map((c) => (
            <List.Item key={`${c.userId}-${c.sessionCode}`}>
              {t(`sessions.staffConflict.${c.role}`, {
                // Isolated, so a Latin name or a code keeps its order inside Arabic text.
                name: isolate(c.displayName),
                session: isolate(c.sessionCode),
                dates: formatDateRange(c.startDate, c.endDate, locale).gregorian,
              })}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('sessions.staffConflict.explain')}</Text>
        <div>
          <Button loading={submitting} onClick={onConfirm}>
            {t('sessions.staffConflict.confirm')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
