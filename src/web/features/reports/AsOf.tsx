import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { zonedText } from '../../lib/dates.js';

/**
 * When the figures were computed: reports read roll-ups refreshed within minutes of a change,
 * so a registrar who has just closed a session knows why it is not counted yet.
 */
export function AsOf({ asOf }: { asOf: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" mb="sm">
      {asOf
        ? t('reports.asOf', {
            time: zonedText(asOf, currentLocale()),
          })
        : t('reports.notYetComputed')}
    </Text>
  );
}
