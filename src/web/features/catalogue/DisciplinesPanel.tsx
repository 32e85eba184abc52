import { ActionIcon, Button, EmptyState, Group, Loader, Table } from '@mantine/core';
import { IconPencil, IconPlus, IconTags } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discipline } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { disciplinesQuery } from './api.js';
import { DisciplineModal } from './DisciplineModal.js';

export function DisciplinesPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const disciplines = useQuery(disciplinesQuery);
  // null: closed; 'new': adding; a discipline: editing it.
  const [editing, setEditing] = useState<Discipline | 'new' | null>(null);
  const locale = currentLocale();
  const manage = can('catalogue.manage');

  return (
    <>
      {manage && (
        <Group justify="flex-end" mb="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('disciplines.add')}
          </Button>
        </Group>
      )}
      {disciplines.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={disciplines.error} />
      {disciplines.data?.length === 0 && (
        <EmptyState
          icon={<IconTags size={32} aria-hidden />}
          title={t('disciplines.emptyTitle')}
          description={manage ? t('disciplines.emptyManage') : t('disciplines.emptyRead')}
          py="xl"
        />
      )}
      {disciplines.data && disciplines.data.length > 0 && (
        <ResponsiveTable>
          <Table striped withTableBorder maw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('disciplines.code')}</Table.Th>
                <Table.Th scope="col">{t('disciplines.name')}</Table.Th>
                <Table.Th scope="col">{t('disciplines.activityCount')}</Table.Th>
                {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {disciplines.data.map((discipline) => {
                const name = localized(discipline.name, locale);
                return (
                  <Table.Tr key={discipline.code}>
                    <Table.Td ff="monospace">{discipline.code}</Table.Td>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/catalogue" search={{ discipline: discipline.code }}>
                        {t('disciplines.activities', { count: discipline.activityCount })}
                      </AnchorLink>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('disciplines.editNamed', { name })}
                          onClick={() => setEditing(discipline)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {editing && (
        <DisciplineModal
          discipline={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
