import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { Field } from '../../components/Field.js';
import { currentLocale } from '../../i18n/index.js';
import { markingCode } from './labels.js';
import { languageName, releasabilitySentence } from './prerequisites.js';
import { useCatalogueNames } from './useNames.js';

function formatFee(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** Everything about an activity that fits in one line each, in plain words. */
export function ActivityFacts({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const names = useCatalogueNames();
  const locale = currentLocale();
  const levels = [...activity.evaluationLevels].sort();
  const markingLabel = (marking: string) => {
    const code = markingCode(marking);
    return code ? t(`clearance.${code}`) : marking;
  };

  return (
    <Paper withBorder p="md">
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
        <Field label={t('catalogue.type')}>{t(`activityType.${activity.type}`)}</Field>
        <Field label={t('catalogue.discipline')}>{names.discipline(activity.disciplineCode)}</Field>
        <Field label={t('catalogue.provider')}>{names.provider(activity.providerCode)}</Field>
        <Field label={t('catalogue.delivery')}>{t(`delivery.${activity.delivery}`)}</Field>
        <Field label={t('catalogue.duration')}>
          {t('catalogue.days', { count: activity.durationDays })}
        </Field>
        <Field label={t('catalogue.language')}>{languageName(activity.language, locale)}</Field>
        <Field label={t('catalogue.defaultCapacity')}>
          {t('catalogue.seats', { count: activity.defaultCapacity })}
        </Field>
        <Field label={t('catalogue.fee')}>
          {activity.fee
            ? formatFee(activity.fee.amount, activity.fee.currency, locale)
            : t('catalogue.noFee')}
        </Field>
        <Field label={t('catalogue.classification')}>{markingLabel(activity.classification)}</Field>
        <Field label={t('catalogue.releasability')}>
          {releasabilitySentence(activity.releasability, t)}
        </Field>
        <Field label={t('catalogue.evaluation')}>
          {levels.length === 0
            ? t('catalogue.noEvaluation')
            : levels.map((level) => t(`evaluationLevel.${level}`)).join(t('common.listSeparator'))}
        </Field>
        <Field label={t('common.updatedAt')}>
          <DateText value={activity.updatedAt} withTime />
        </Field>
      </SimpleGrid>
      {activity.audience && (
        <SimpleGrid component="dl" cols={1} mt="md" m={0}>
          <Field label={t('catalogue.audience')}>
            <Text span style={{ whiteSpace: 'pre-wrap' }}>
              {activity.audience}
            </Text>
          </Field>
        </SimpleGrid>
      )}
    </Paper>
  );
}
