import {
  Alert,
  Button,
  Checkbox,
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
import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  DELIVERY_METHODS,
} from '../../../contract/index.js';
import { kindOf, rulesOfType } from '../../../domain/activity-kinds.js';
import { LocalizedTextFields } from '../../components/LocalizedTextFields.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import type { ActivityFormValues } from './activityForm.js';
import { CLASSIFICATION_MARKINGS, INSTRUCTION_LANGUAGES } from './labels.js';
import { PrerequisitesFields } from './PrerequisitesFields.js';
import { languageName } from './prerequisites.js';
import { ReleasabilityFields } from './ReleasabilityFields.js';
import { useCatalogueNames } from './useNames.js';

interface Props {
  form: UseFormReturnType<ActivityFormValues>;
  mode: 'create' | 'edit';
  error: unknown;
  onSubmit: (values: ActivityFormValues) => Promise<void>;
  onCancel: () => void;
}

export function ActivityForm({ form, mode, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const names = useCatalogueNames();
  const locale = currentLocale();
  const hasFee = form.getValues().hasFee;
  const type = ACTIVITY_TYPES.find((v) => v === form.getValues().type) ?? 'course';
  const kind = kindOf(type);
  const allowedLevels = rulesOfType(type).evaluationLevels;

  return (
    <form onSubmit={form.onSubmit(onSubmit)} noValidate>
      <Stack gap="md" maw={960}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('catalogue.sectionWhat')}>
          <Stack gap="sm">
            <Alert
              color="blue"
              variant="light"
              title={t('activityKinds.appliesTitle', { kind: t(`activityKinds.kind.${kind}`) })}
            >
              {t(`activityKinds.applies.${kind}`)}
            </Alert>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('catalogue.code')}
                description={t('catalogue.codeHint')}
                required
                disabled={mode === 'edit'}
                dir="ltr"
                key={form.key('code')}
                {...form.getInputProps('code')}
              />
              <Select
                label={t('catalogue.type')}
                description={`${t('activityKinds.kindLabel')}: ${t(`activityKinds.kind.${kind}`)}`}
                required
                // Grouped by kind: the kind decides results, evaluations and the certificate.
                data={ACTIVITY_KINDS.map((k) => ({
                  group: t(`activityKinds.kind.${k}`),
                  items: ACTIVITY_TYPES.filter((v) => kindOf(v) === k).map((v) => ({
                    value: v,
                    label: t(`activityType.${v}`),
                  })),
                }))}
                key={form.key('type')}
                {...form.getInputProps('type')}
                onChange={(value) => {
                  const next = ACTIVITY_TYPES.find((v) => v === value);
                  form.setFieldValue('type', next ?? '');
                  // Levels the new kind does not use are dropped rather than refused on saving.
                  if (next) {
                    const allowed = rulesOfType(next).evaluationLevels;
                    form.setFieldValue(
                      'evaluationLevels',
                      form.getValues().evaluationLevels.filter((l) => allowed.includes(Number(l))),
                    );
                  }
                }}
              />
              <Select
                label={t('catalogue.status')}
                required
                data={ACTIVITY_STATUSES.map((v) => ({ value: v, label: t(`activityStatus.${v}`) }))}
                key={form.key('status')}
                {...form.getInputProps('status')}
              />
            </SimpleGrid>
            <LocalizedTextFields form={form} path="title" label={t('catalogue.activityTitle')} />
            <LocalizedTextFields
              form={form}
              path="description"
              label={t('catalogue.descriptionLabel')}
              long
              required={false}
            />
            <Textarea
              label={t('catalogue.audience')}
              description={t('catalogue.audienceHint')}
              autosize
              minRows={2}
              key={form.key('audience')}
              {...form.getInputProps('audience')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('catalogue.sectionDelivery')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('catalogue.discipline')}
              required
              searchable
              data={names.disciplineOptions}
              key={form.key('disciplineCode')}
              {...form.getInputProps('disciplineCode')}
            />
            <Select
              label={t('catalogue.provider')}
              required
              searchable
              data={names.providerOptions}
              key={form.key('providerCode')}
              {...form.getInputProps('providerCode')}
            />
            <Select
              label={t('catalogue.delivery')}
              required
              data={DELIVERY_METHODS.map((v) => ({ value: v, label: t(`delivery.${v}`) }))}
              key={form.key('delivery')}
              {...form.getInputProps('delivery')}
            />
            <NumberInput
              label={t('catalogue.durationDays')}
              required
              min={1}
              max={365}
              allowDecimal={false}
              key={form.key('durationDays')}
              {...form.getInputProps('durationDays')}
            />
            <NumberInput
              label={t('catalogue.defaultCapacity')}
              description={t('catalogue.defaultCapacityHint')}
              required
              min={1}
              max={1000}
              allowDecimal={false}
              key={form.key('defaultCapacity')}
              {...form.getInputProps('defaultCapacity')}
            />
            <Select
              label={t('catalogue.language')}
              required
              data={INSTRUCTION_LANGUAGES.map((v) => ({
                value: v,
                label: languageName(v, locale),
              }))}
              key={form.key('language')}
              {...form.getInputProps('language')}
            />
          </SimpleGrid>
          <Checkbox.Group
            mt="sm"
            label={t('catalogue.evaluation')}
            key={form.key('evaluationLevels')}
            {...form.getInputProps('evaluationLevels')}
          >
            <Group gap="md" mt={6}>
              {['1', '2', '3'].map((level) => (
                <Checkbox
                  key={level}
                  value={level}
                  label={t(`evaluationLevel.${level}`)}
                  disabled={!allowedLevels.includes(Number(level))}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox
            mt="md"
            label={t('catalogue.hasFee')}
            key={form.key('hasFee')}
            {...form.getInputProps('hasFee', { type: 'checkbox' })}
          />
          {hasFee && (
            <Group gap="sm" mt="xs" align="flex-start">
              <NumberInput
                label={t('catalogue.feeAmount')}
                min={0}
                w={180}
                key={form.key('fee.amount')}
                {...form.getInputProps('fee.amount')}
              />
              <TextInput
                label={t('catalogue.feeCurrency')}
                description={t('catalogue.feeCurrencyHint')}
                dir="ltr"
                w={180}
                key={form.key('fee.currency')}
                {...form.getInputProps('fee.currency')}
              />
            </Group>
          )}
        </Fieldset>
        <Fieldset legend={t('catalogue.prerequisites')}>
          <PrerequisitesFields form={form} />
        </Fieldset>
        <Fieldset legend={t('catalogue.sectionSecurity')}>
          <Select
            label={t('catalogue.classification')}
            required
            w={320}
            data={Object.entries(CLASSIFICATION_MARKINGS).map(([code, marking]) => ({
              value: marking,
              label: t(`clearance.${code}`),
            }))}
            key={form.key('classification')}
            {...form.getInputProps('classification')}
          />
          <ReleasabilityFields form={form} />
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode === 'create' ? t('catalogue.create') : t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
