import { Badge, Button, Group, Loader, Table } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, MESSAGE_EVENTS, type MessageTemplate } from '../../../contract/index.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { templatesQuery } from './api.js';
import { TemplateEditorModal } from './TemplateEditorModal.js';

/** Every e-mail Rabita sends, in every language: which wording is in force, and edit it. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useQuery(templatesQuery);
  const [editing, setEditing] = useState<MessageTemplate | null>(null);
  const find = (event: string, locale: string) =>
    templates.data?.find((x) => x.event === event && x.locale === locale);

  return (
    <>
      <PageHeader
        title={t('messages.templates.title')}
        description={t('messages.templates.description')}
      />
      {templates.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={templates.error} />
      {templates.data && (
        <ResponsiveTable minWidth={720}>
          <Table withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('messages.templates.event')}</Table.Th>
                {LOCALES.map((locale) => (
                  <Table.Th scope="col" key={locale}>
                    {t(`language.${locale}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {MESSAGE_EVENTS.map((event) => (
                <Table.Tr key={event}>
                  <Table.Th scope="row" fw={500}>
                    {t(`messages.events.${event}`)}
                  </Table.Th>
                  {LOCALES.map((locale) => {
                    const template = find(event, locale);
                    if (!template) return <Table.Td key={locale}>—</Table.Td>;
                    return (
                      <Table.Td key={locale}>
                        <Group gap="xs" wrap="nowrap">
                          <Badge variant="light" color={template.customized ? 'indigo' : 'gray'}>
                            {t(
                              template.customized
                                ? 'messages.templates.customized'
                                : 'messages.templates.default',
                            )}
                          </Badge>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            leftSection={<IconPencil size={14} aria-hidden />}
                            aria-label={t('messages.templates.editNamed', {
                              event: t(`messages.events.${event}`),
                              language: t(`language.${locale}`),
                            })}
                            onClick={() => setEditing(template)}
                          >
                            {t('common.edit')}
                          </Button>
                        </Group>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {editing && <TemplateEditorModal template={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
