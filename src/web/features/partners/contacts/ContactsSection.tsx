import { ActionIcon, Badge, Button, EmptyState, Group, Table, Title } from '@mantine/core';
import { IconAddressBook, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Nation } from '../../../../contract/index.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { useCan } from '../../auth/session.js';
import { ContactModal } from './ContactModal.js';
import { DeleteContactModal } from './DeleteContactModal.js';

type Dialog = { kind: 'edit'; contact: Contact | null } | { kind: 'delete'; contact: Contact };

export function ContactsSection({ nation }: { nation: Nation }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <section aria-labelledby="contacts-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="contacts-heading">
          {t('contacts.title')}
        </Title>
        {manage && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'edit', contact: null })}
          >
            {t('contacts.add')}
          </Button>
        )}
      </Group>
      {nation.contacts.length === 0 ? (
        <EmptyState
          icon={<IconAddressBook size={28} aria-hidden />}
          title={t('contacts.emptyTitle')}
          description={manage ? t('contacts.emptyManage') : t('contacts.emptyRead')}
          size="sm"
          py="md"
        />
      ) : (
        <ResponsiveTable minWidth={600}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('contacts.name')}</Table.Th>
                <Table.Th scope="col">{t('contacts.position')}</Table.Th>
                <Table.Th scope="col">{t('contacts.email')}</Table.Th>
                <Table.Th scope="col">{t('contacts.phone')}</Table.Th>
                <Table.Th scope="col">{t('contacts.primary')}</Table.Th>
                {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nation.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td fw={500}>{contact.name}</Table.Td>
                  <Table.Td>{contact.position}</Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{contact.email}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{contact.phone}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {contact.primary && (
                      <Badge color="indigo.8">{t('contacts.primaryBadge')}</Badge>
                    )}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('contacts.editNamed', { name: contact.name })}
                          onClick={() => setDialog({ kind: 'edit', contact })}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          aria-label={t('contacts.deleteNamed', { name: contact.name })}
                          onClick={() => setDialog({ kind: 'delete', contact })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {dialog?.kind === 'edit' && (
        <ContactModal nationCode={nation.code} contact={dialog.contact} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteContactModal nationCode={nation.code} contact={dialog.contact} onClose={close} />
      )}
    </section>
  );
}
