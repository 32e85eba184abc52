import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  departsBeforeArrival,
  LODGINGS,
  type Logistics,
  LogisticsInput,
  VISA_LETTER_ANSWERS,
} from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { DATE_TIME_FIELD_BOUNDS, zoneName } from '../../lib/dates.js';
import { clearableSelect, useSaveForm, validateWith } from '../../lib/forms.js';
import { logisticsKeys, logisticsQuery, saveLogistics } from './api.js';
import { type LogisticsFormValues, toLogisticsInput, toLogisticsValues } from './logisticsForm.js';

/**
 * A selected participant's arrival, stay and departure, for their NPOC, the centre or the
 * participant themself. Before selection it only explains that logistics come later.
 */
export function LogisticsForm({ nominationId }: { nominationId: string }) {
  const { t } = useTranslation();
  const logistics = useQuery(logisticsQuery(nominationId));
  if (logistics.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (isApiError(logistics.error, 'not_selected')) {
    return (
      <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
        {t('logistics.notSelected')}
      </Alert>
    );
  }
  if (logistics.isError) return <ProblemAlert error={logistics.error} />;
  return <EditLogistics logistics={logistics.data} />;
}

function EditLogistics({ logistics }: { logistics: Logistics }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const zone = logistics.timeZone;
  const toInput = (values: LogisticsFormValues) => toLogisticsInput(values, zone);
  const schemaErrors = validateWith(LogisticsInput, toInput);
  const form = useForm<LogisticsFormValues>({
    initialValues: toLogisticsValues(logistics),
    validate: (values) => {
      const errors = schemaErrors(values);
      if (errors.departureAt && departsBeforeArrival(toInput(values))) {
        errors.departureAt = t('logistics.departureBeforeArrival');
      }
      return errors;
    },
  });

  const { error, submit } = useSaveForm(form, async (values: LogisticsFormValues) => {
    const saved = await saveLogistics(logistics.nominationId, toInput(values));
    queryClient.setQueryData(logisticsKeys.one(logistics.nominationId), saved);
    await queryClient.invalidateQueries({ queryKey: logisticsKeys.all });
    form.setInitialValues(toLogisticsValues(saved));
    form.setValues(toLogisticsValues(saved));
    notifications.show({ color: 'teal', message: t('common.saved') });
  });

  const zoneHint = t('logistics.venueTime', { zone: zoneName(zone, currentLocale()) });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md" maw={860}>
        <ProblemAlert error={error} />
        <Fieldset legend={t('logistics.arrival')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              {...DATE_TIME_FIELD_BOUNDS}
              label={t('logistics.arrivalAt')}
              description={zoneHint}
              {...form.getInputProps('arrivalAt')}
            />
            <TextInput
              label={t('logistics.flight')}
              placeholder="KU 102"
              dir="ltr"
              {...form.getInputProps('arrivalFlight')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('logistics.departure')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              {...DATE_TIME_FIELD_BOUNDS}
              label={t('logistics.departureAt')}
              description={zoneHint}
              {...form.getInputProps('departureAt')}
            />
            <TextInput
              label={t('logistics.flight')}
              placeholder="KU 103"
              dir="ltr"
              {...form.getInputProps('departureFlight')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('logistics.stay')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('logistics.lodging')}
              clearable
              data={LODGINGS.map((value) => ({ value, label: t(`logistics.lodgings.${value}`) }))}
              {...clearableSelect(form, 'lodging')}
            />
            <Select
              label={t('logistics.visaLetter')}
              description={t('logistics.visaLetterHint')}
              clearable
              data={VISA_LETTER_ANSWERS.map((value) => ({
                value,
                label: t(value === 'yes' ? 'common.yes' : 'common.no'),
              }))}
              {...clearableSelect(form, 'visaLetterRequested')}
            />
            <TextInput
              label={t('logistics.passportNumber')}
              description={t('logistics.passportHint')}
              dir="ltr"
              autoComplete="off"
              {...form.getInputProps('passportNumber')}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label={t('logistics.dietaryNeeds')}
            autosize
            minRows={2}
            {...form.getInputProps('dietaryNeeds')}
          />
          <Textarea
            mt="sm"
            label={t('logistics.notes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
        </Fieldset>
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            {logistics.updatedAt ? (
              <>
                {t('logistics.lastSaved', { name: logistics.updatedByName ?? '—' })}{' '}
                <DateText value={logistics.updatedAt} withTime />
              </>
            ) : (
              t('logistics.neverSaved')
            )}
          </Text>
          <Button type="submit" loading={form.submitting}>
            {t('logistics.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
