import { Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLEARANCE_LEVELS } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { DATE_FIELD_BOUNDS } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';
import { LanguageProfileFields } from './LanguageProfileFields.js';
import type { ParticipantFormValues } from './participantForm.js';
import { RankSelect } from './RankSelect.js';

interface Props {
  form: UseFormReturnType<ParticipantFormValues>;
  /** The nation is chosen once, on creation, and only by those who see every nation. */
  nationEditable: boolean;
  error: unknown;
  /** Shown above the buttons, e.g. the possible duplicates of a new person. */
  notice?: ReactNode;
  submitLabel: string;
  onSubmit: (values: ParticipantFormValues) => Promise<void>;
  onCancel: () => void;
}

export function ParticipantForm(props: Props) {
  const { form, nationEditable, error, notice, submitLabel, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const nations = useQuery(nationsQuery({}));
  const nationOptions = (nations.data ?? []).map((n) => ({
    value: n.code,
    label: `${localized(n.name, locale)} (${n.code})`,
  }));
  const values = form.getValues();

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack gap="md" maw={960}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('participants.sectionIdentity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('participants.familyNameLatin')}
              description={t('names.hint.passportName')}
              required
              dir="ltr"
              autoComplete="off"
              key={form.key('familyNameLatin')}
              {...form.getInputProps('familyNameLatin')}
            />
            <TextInput
              label={t('participants.givenNamesLatin')}
              description={t('names.hint.passportName')}
              required
              dir="ltr"
              autoComplete="off"
              key={form.key('givenNamesLatin')}
              {...form.getInputProps('givenNamesLatin')}
            />
            <TextInput
              label={t('participants.familyNameArabic')}
              description={t('names.hint.arabicName')}
              dir="rtl"
              lang="ar"
              autoComplete="off"
              key={form.key('familyNameArabic')}
              {...form.getInputProps('familyNameArabic')}
            />
            <TextInput
              label={t('participants.givenNamesArabic')}
              description={t('names.hint.arabicName')}
              dir="rtl"
              lang="ar"
              autoComplete="off"
              key={form.key('givenNamesArabic')}
              {...form.getInputProps('givenNamesArabic')}
            />
            <Select
              label={t('participants.nation')}
              required
              searchable
              disabled={!nationEditable}
              data={
                nationOptions.length > 0 || !values.nationCode
                  ? nationOptions
                  : [{ value: values.nationCode, label: values.nationCode }]
              }
              key={form.key('nationCode')}
              {...form.getInputProps('nationCode')}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('participants.dateOfBirth')}
              description={t('participants.dateOfBirthHint')}
              key={form.key('dateOfBirth')}
              {...form.getInputProps('dateOfBirth')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('participants.sectionService')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <RankSelect form={form} />
            <TextInput
              label={t('participants.rankTitle')}
              description={t('participants.rankTitleHint')}
              key={form.key('rankTitle')}
              {...form.getInputProps('rankTitle')}
            />
            <TextInput
              label={t('participants.service')}
              key={form.key('service')}
              {...form.getInputProps('service')}
            />
            <TextInput
              label={t('participants.position')}
              key={form.key('position')}
              {...form.getInputProps('position')}
            />
            <TextInput
              type="email"
              label={t('participants.email')}
              dir="ltr"
              autoComplete="off"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <TextInput
              type="tel"
              label={t('participants.phone')}
              dir="ltr"
              autoComplete="off"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('participants.sectionLanguages')}>
          <LanguageProfileFields form={form} />
        </Fieldset>
        <Fieldset legend={t('participants.sectionClearance')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('participants.clearanceLevel')}
              data={CLEARANCE_LEVELS.map((c) => ({ value: c, label: t(`clearance.${c}`) }))}
              allowDeselect={false}
              key={form.key('clearanceLevel')}
              {...form.getInputProps('clearanceLevel')}
            />
            <TextInput
              type="date"
              {...DATE_FIELD_BOUNDS}
              label={t('participants.clearanceExpiresOn')}
              disabled={values.clearanceLevel === 'NONE'}
              key={form.key('clearanceExpiresOn')}
              {...form.getInputProps('clearanceExpiresOn')}
            />
          </SimpleGrid>
        </Fieldset>
        {notice}
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
