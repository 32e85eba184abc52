import { Badge, Button, Loader, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { deleteTemplate, surveyKeys, templatesQuery } from './api.js';
import { surveyErrorMessage } from './errors.js';

/** Every survey template: level, questions, where it is used; new, edit, delete unused. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const query = useQuery(templatesQuery);
  const remove = useMutation({
    mutationFn: deleteTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.templates }),
  });
  return (
    <>
      <PageHeader
        title={t('surveys.templates.title')}
        description={t('surveys.templates.description')}
        above={
          <AnchorLink to="/surveys" fz="sm">
            {t('surveys.templates.toSessions')}
          </AnchorLink>
        }
        actions={<ButtonLink to="/surveys/templates/new">{t('surveys.templates.new')}</ButtonLink>}
      />
      {remove.isError && <ProblemAlert error={new Error(surveyErrorMessage(remove.error))} />}
      {query.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : query.data.length === 0 ? (
        <Text c="dimmed">{t('surveys.templates.empty')}</Text>
      ) : (
        <ResponsiveTable minWidth={640}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.templates.code')}</Table.Th>
                <Table.Th>{t('surveys.templates.name')}</Table.Th>
                <Table.Th>{t('surveys.templates.level')}</Table.Th>
                <Table.Th>{t('surveys.templates.questions')}</Table.Th>
                <Table.Th>{t('surveys.templates.usedBy')}</Table.Th>
                <Table.Th>{t('surveys.templates.sent')}</Table.Th>
                <Table.Th>{t('surveys.templates.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((template) => (
                <Table.Tr key={template.id}>
                  <Table.Td ff="monospace">
                    <AnchorLink to="/surveys/templates/$code" params={{ code: template.code }}>
                      <bdi dir="ltr">{template.code}</bdi>
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    {localized(template.title, locale)}
                    {template.anonymous && (
                      <Badge ms="xs" size="sm" variant="light" color="gray">
                        {t('surveys.anonymous')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`surveys.level.${template.level}`)}</Table.Td>
                  <Table.Td>{template.questions.length}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    <bdi dir="ltr">{template.activityCodes.join(', ') || '—'}</bdi>
                  </Table.Td>
                  <Table.Td>{template.invitations}</Table.Td>
                  <Table.Td>
                    {template.activityCodes.length === 0 && template.invitations === 0 && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables === template.code}
                        onClick={() => remove.mutate(template.code)}
                        aria-label={t('surveys.templates.deleteLabel', { code: template.code })}
                      >
                        {t('surveys.templates.delete')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </>
  );
}
