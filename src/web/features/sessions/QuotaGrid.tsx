import { Alert, Loader, NumberInput, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { nationsQuery } from '../partners/api.js';
import { FrameworkName } from '../partners/frameworks/FrameworkName.js';
import { quotaTotals } from './quotas.js';
import type { SessionFormValues } from './sessionForm.js';

/** One row per partner nation with its reserved seats; the totals update as you type. */
export function QuotaGrid({ form }: { form: UseFormReturnType<SessionFormValues> }) {
  const { t } = useTranslation();
  const nations = useQuery(nationsQuery({}));
  const locale = currentLocale();
  const values = form.getValues();
  const totals = quotaTotals(values.quotas, values.capacity);
  const serverError = form.errors.quotas;

  return (
    <>
      {nations.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={nations.error} />
      <Table withTableBorder striped maw={620} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('sessions.nation')}</Table.Th>
            <Table.Th scope="col">{t('partners.framework')}</Table.Th>
            <Table.Th scope="col" w={140}>
              {t('sessions.quotaSeats')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(nations.data ?? []).map((nation) => {
            const name = localized(nation.name, locale);
            return (
              <Table.Tr key={nation.code}>
                <Table.Th scope="row" fw={500}>
                  {name}{' '}
                  <Text span ff="monospace" fz="xs" c="dimmed">
                    {nation.code}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <FrameworkName code={nation.frameworkCode} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('sessions.quotaFor', { nation: name })}
                    size="xs"
                    min={0}
                    max={1000}
                    allowDecimal={false}
                    allowNegative={false}
                    value={values.quotas[nation.code] ?? ''}
                    onChange={(value) => {
                      form.setFieldValue(`quotas.${nation.code}`, value);
                      form.clearFieldError('quotas');
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('sessions.quotaTotal')}
            </Table.Th>
            <Table.Td fw={700} c={totals.over ? 'red.8' : undefined}>
              {totals.total}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('sessions.pool')}
            </Table.Th>
            <Table.Td fw={700} c={totals.over ? 'red.8' : undefined}>
              {totals.pool}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {(totals.over || serverError) && (
        <Alert color="red" mt="xs" maw={620} role="alert">
          {totals.over
            ? t('sessions.quotasOver', { total: totals.total, capacity: values.capacity })
            : serverError}
        </Alert>
      )}
    </>
  );
}
