import { Alert, Button, List, Stack, Text, Textarea } from '@mantine/core';
import { IconCalendarExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionConflict } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatDateRange } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { NominationProblem } from './NominationProblem.js';

/** First-strong isolate: the text keeps its own direction wherever it is put. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** The server's bound on an override's reason. */
const REASON_MAX = 1000;

/** The selections a `selection_conflict` answer names, or null for any other outcome. */
export function selectionConflictsOf(error: unknown): SelectionConflict[] | null {
  if (!isApiError(error) || error.code !== 'selection_conflict') return null;
  const conflicts = (error.body as { conflicts?: SelectionConflict[] } | undefined)?.conflicts;
  return Array.isArray(conflicts) ? conflicts : [];
}

/** One person refused for a selection elsewhere; `name` is left out on the nomination's own page. */
export interface ConflictedPerson {
  key: string;
  name?: string;
  conflicts: readonly SelectionConflict[];
}

/**
 * Says on which other session, over the same days, a person is already selected, and lets a
 * registrar select them anyway by writing why: an expert may open one course and speak on
 * another the same week. The reason goes on the nomination's record.
 */
export function SelectionConflictAlert({
  people,
  canOverride,
  onOverride,
}: {
  people: readonly ConflictedPerson[];
  canOverride: boolean;
  onOverride: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setFieldError(t('validation.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onOverride(text);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert
      color="yellow"
      icon={<IconCalendarExclamation size={18} aria-hidden />}
      title={t('nominations.selectionConflict.title')}
      role="alert"
      mb="sm"
    >
      <Stack gap="xs">
        <List size="sm">
          {people.flatMap((person) =>
            person.conflicts.map((c) => {
              const values = {
                // Isolated, so a Latin name, a code or a title keeps its order inside Arabic text.
                name: isolate(person.name ?? ''),
                session: isolate(c.sessionCode),
                title: isolate(localized(c.activityTitle, locale)),
                dates: formatDateRange(c.startDate, c.endDate, locale).gregorian,
              };
              return (
                <List.Item key={`${person.key}-${c.nominationId}`}>
                  {person.name
                    ? t('nominations.selectionConflict.named', values)
                    : t('nominations.selectionConflict.one', values)}
                </List.Item>
              );
            }),
          )}
        </List>
        <Text size="sm">
          {canOverride
            ? t('nominations.selectionConflict.explain')
            : t('nominations.selectionConflict.explainNoOverride')}
        </Text>
        {canOverride && (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="xs">
              <Textarea
                label={t('nominations.selectionConflict.reason')}
                description={t('nominations.selectionConflict.reasonHint')}
                required
                autosize
                minRows={2}
                maxLength={REASON_MAX}
                value={reason}
                error={fieldError}
                onChange={(event) => {
                  setReason(event.currentTarget.value);
                  setFieldError(null);
                }}
              />
              <NominationProblem error={error} />
              <div>
                <Button type="submit" color="orange.9" loading={busy}>
                  {t('nominations.selectionConflict.confirm')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Stack>
    </Alert>
  );
}
