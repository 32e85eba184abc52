import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../contract/index.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { DATE_FIELD_BOUNDS, zoneName } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { activitiesQuery, activityQuery } from '../catalogue/api.js';
import { INSTRUCTION_LANGUAGES } from '../catalogue/labels.js';
import { languageName } from '../catalogue/prerequisites.js';
import { nationsQuery } from '../partners/api.js';
import { venuesQuery } from '../venues/api.js';
import { MoveConflictAlert, moveConflictsOf } from './MoveConflictAlert.js';
import { QuotaGrid } from './QuotaGrid.js';
import { StaffConflictAlert, staffConflictsOf } from './StaffConflictAlert.js';
import { StaffFields } from './StaffFields.js';
import type { SessionFormValues } from './sessionForm.js';

interface Props {
  form: UseFormReturnType<SessionFormValues>;
  session?: Session;
  error: unknown;
  onSubmit: (values: SessionFormValues) => Promise<void>;
  onCancel: () => void;
}

export function SessionForm({ form, session, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const staffConflicts = staffConflictsOf(error);
  const moveConflicts = moveConflictsOf(error);
  const activities = useInfiniteQuery({ ...activitiesQuery({}, 100), enabled: !session });
  const venues = useQuery(venuesQuery);
  const nations = useQuery(nationsQuery({}));
  const activityOptions = session
    ? [
        {
          value: session.activityCode,
          label: `${session.activityCode} · ${localized(session.activityTitle, locale)}`,
        },
      ]
    : (activities.data?.pages.flatMap((p) => p.items) ?? []).map((a) => ({
        value: a.code,
        label: `${a.code} · ${localized(a.title, locale)}`,
      }));

  // A new session starts from its activity's usual capacity and language, unless already typed.
  async function chooseActivity(code: string | null) {
    form.setFieldValue('activityCode', code ?? '');
    if (!code) return;
    const activity = await queryClient.fetchQuery(activityQuery(code)).catch(() => null);
    if (!activity) return;
    if (!form.isTouched('capacity')) form.setFieldValue('capacity', activity.defaultCapacity);
    if (!form.isTouched('language')) form.setFieldValue('language', activity.language);
  }

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack gap="md" maw={960}>
        {staffConflicts ? (
          <StaffConflictAlert
            conflicts={staffConflicts}
            submitting={form.submitting}
            onConfirm={() => void onSubmit({ ...form.getValues(), confirmStaffConflicts: true })}
          />
        ) : moveConflicts ? (
          <MoveConflictAlert conflicts={moveConflicts} />
        ) : (
          <ProblemAlert error={error} />
        )}
        <Fieldset legend={t('sessions.sectionWhat')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('sessions.activity')}
              required
              searchable
              disabled={Boolean(session)}
              nothingFoundMessage={t('sessions.noActivityFound')}
              data={activityOptions}
              {...form.getInputProps('activityCode')}
              onChange={(value) => void chooseActivity(value)}
            />
            <TextInput
              label={t('sessions.code')}
              description={t('sessions.codeHint')}
              required
              disabled={Boolean(session)}
              dir="ltr"
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('sessions.sectionWhen')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('sessions.startDate')}
              required
              key={form.key('startDate')}
              {...form.getInputProps('startDate')}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('sessions.endDate')}
              required
              key={form.key('endDate')}
              {...form.getInputProps('endDate')}
            />
            <Select
              label={t('sessions.venue')}
              required
              searchable
              data={(venues.data ?? []).map((v) => ({
                value: v.code,
                label: `${localized(v.name, locale)} (${zoneName(v.timeZone, locale)})`,
              }))}
              key={form.key('venueCode')}
              {...form.getInputProps('venueCode')}
              onChange={(code) => {
                form.setFieldValue('venueCode', code ?? '');
                // Another venue, another host: the server takes the new venue's country.
                form.setFieldValue('hostNationCode', '');
              }}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('sessions.nominationOpens')}
              required
              key={form.key('nominationOpens')}
              {...form.getInputProps('nominationOpens')}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('sessions.nominationCloses')}
              description={t('sessions.nominationClosesHint')}
              required
              key={form.key('nominationCloses')}
              {...form.getInputProps('nominationCloses')}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('sessions.quotaRelease')}
              description={t('sessions.quotaReleaseHint')}
              key={form.key('quotaReleaseOn')}
              {...form.getInputProps('quotaReleaseOn')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('sessions.sectionSeats')}>
          <Select
            label={t('sessions.hostNation')}
            description={t('sessions.hostNationHint')}
            data={[
              { value: '', label: t('sessions.hostNationByVenue') },
              { value: 'none', label: t('sessions.hostNationNone') },
              ...(nations.data ?? []).map((n) => ({
                value: n.code,
                label: localized(n.name, locale),
              })),
            ]}
            allowDeselect={false}
            maw={420}
            mb="sm"
            key={form.key('hostNationCode')}
            {...form.getInputProps('hostNationCode')}
          />
          <NumberInput
            label={t('sessions.capacity')}
            required
            min={1}
            max={1000}
            allowDecimal={false}
            w={200}
            mb="sm"
            key={form.key('capacity')}
            {...form.getInputProps('capacity')}
          />
          <QuotaGrid form={form} />
        </Fieldset>
        <Fieldset legend={t('sessions.sectionPeople')}>
          <StaffFields form={form} session={session} />
          <Select
            label={t('sessions.language')}
            required
            w={240}
            mt="sm"
            data={INSTRUCTION_LANGUAGES.map((v) => ({ value: v, label: languageName(v, locale) }))}
            key={form.key('language')}
            {...form.getInputProps('language')}
          />
        </Fieldset>
        <Fieldset legend={t('sessions.joiningInstructions')}>
          <LocalizedTextFields
            form={form}
            path="joiningInstructions"
            label={t('sessions.joiningInstructions')}
            long
            required={false}
          />
          <Textarea
            label={t('sessions.notes')}
            description={t('sessions.notesHint')}
            autosize
            minRows={2}
            mt="sm"
            key={form.key('notes')}
            {...form.getInputProps('notes')}
          />
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {session ? t('common.saveChanges') : t('sessions.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
