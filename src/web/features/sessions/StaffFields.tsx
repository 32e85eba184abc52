import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/index.js';
import { clearableSelect } from '../../lib/forms.js';
import { staffQuery } from './api.js';
import type { SessionFormValues } from './sessionForm.js';

interface Option {
  value: string;
  label: string;
}

/** Merges the people already named on the session, so they show even if the list is refused. */
function options(listed: readonly { id: string; displayName: string }[], named: readonly Option[]) {
  const all = new Map<string, string>(named.map((o) => [o.value, o.label]));
  for (const user of listed) all.set(user.id, user.displayName);
  return [...all].map(([value, label]) => ({ value, label }));
}

export function StaffFields(props: {
  form: UseFormReturnType<SessionFormValues>;
  session?: Session;
}) {
  const { form, session } = props;
  const { t } = useTranslation();
  const directors = useQuery(staffQuery('course_director'));
  const instructors = useQuery(staffQuery('instructor'));
  const namedDirector =
    session?.directorId && session.directorName
      ? [{ value: session.directorId, label: session.directorName }]
      : [];
  const namedInstructors = (session?.instructors ?? []).map((i) => ({
    value: i.id,
    label: i.displayName,
  }));
  const refused = directors.isError || instructors.isError;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Select
        label={t('sessions.director')}
        description={refused ? t('sessions.staffUnavailable') : undefined}
        clearable
        searchable
        data={options(directors.data ?? [], namedDirector)}
        key={form.key('directorId')}
        {...clearableSelect(form, 'directorId')}
      />
      <MultiSelect
        label={t('sessions.instructors')}
        searchable
        data={options(instructors.data ?? [], namedInstructors)}
        key={form.key('instructorIds')}
        {...form.getInputProps('instructorIds')}
      />
    </SimpleGrid>
  );
}
