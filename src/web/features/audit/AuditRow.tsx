import { ActionIcon, Code, SimpleGrid, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { currentLocale } from '../../i18n/index.js';

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text fz="xs" fw={600} c="dimmed" mb={4}>
        {label}
      </Text>
      <Code block dir="ltr" fz="xs" mah={320} style={{ overflow: 'auto' }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-${entry.id}`;
  // "Collapsed" points along the reading direction.
  const Closed = currentLocale() === 'ar' ? IconChevronLeft : IconChevronRight;
  const Icon = open ? IconChevronDown : Closed;

  return (
    <>
      <Table.Tr>
        <Table.Td w={36}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t(open ? 'audit.hideChanges' : 'audit.showChanges')}
            onClick={() => setOpen((value) => !value)}
          >
            <Icon size={14} aria-hidden />
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <DateText value={entry.at} withTime fz="sm" />
        </Table.Td>
        <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
        <Table.Td ff="monospace">
          <bdi dir="ltr">{entry.action}</bdi>
        </Table.Td>
        <Table.Td ff="monospace">
          <bdi dir="ltr">{entry.entityType}</bdi>
        </Table.Td>
        <Table.Td ff="monospace">
          <bdi dir="ltr">{entry.entityId}</bdi>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={6}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Json label={t('audit.before')} value={entry.before} />
              <Json label={t('audit.after')} value={entry.after} />
            </SimpleGrid>
            {entry.requestId && (
              <Text fz="xs" c="dimmed" mt={4}>
                {t('audit.requestId')}: <span dir="ltr">{entry.requestId}</span>
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
