import { Button, Group, Loader, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/DateText.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { useCan } from '../../auth/session.js';
import { frameworksQuery } from '../api.js';
import { FrameworkModal } from './FrameworkModal.js';

export function FrameworksPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const frameworks = useQuery(frameworksQuery);
  const [opened, { open, close }] = useDisclosure();
  const locale = currentLocale();

  return (
    <>
      {can('partners.manage') && (
        <Group justify="flex-end" mb="sm">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
            {t('frameworks.add')}
          </Button>
        </Group>
      )}
      {frameworks.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={frameworks.error} />
      {frameworks.data && (
        <ResponsiveTable>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('frameworks.code')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.name')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.launchedOn')}</Table.Th>
                <Table.Th scope="col">{t('frameworks.nationCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {frameworks.data.map((framework) => (
                <Table.Tr key={framework.code}>
                  <Table.Td ff="monospace">{framework.code}</Table.Td>
                  <Table.Td>{localized(framework.name, locale)}</Table.Td>
                  <Table.Td>
                    <DateText value={framework.launchedOn} fz="sm" />
                  </Table.Td>
                  <Table.Td>{framework.nationCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {opened && <FrameworkModal onClose={close} />}
    </>
  );
}
