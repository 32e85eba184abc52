import { Badge, EmptyState, Loader, Table, TextInput } from '@mantine/core';
import { IconBuilding, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateText } from '../../../components/DateText.js';
import { ActionIconLink, ButtonLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/PageHeader.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { useCan } from '../../auth/session.js';
import { institutionsQuery } from '../api.js';
import { matchesInstitution } from './institutionForm.js';

const route = getRouteApi('/app/institutions');

export function InstitutionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { q } = route.useSearch();
  const navigate = useNavigate({ from: '/institutions' });
  const institutions = useQuery(institutionsQuery);
  const locale = currentLocale();
  const rows = (institutions.data ?? []).filter((i) => matchesInstitution(i, q));
  const manage = can('partners.manage');

  return (
    <>
      <PageHeader
        title={t('institutions.title')}
        description={t('institutions.description')}
        actions={
          manage && (
            <ButtonLink to="/institutions/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('institutions.add')}
            </ButtonLink>
          )
        }
      />
      <TextInput
        role="searchbox"
        label={t('common.search')}
        placeholder={t('institutions.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        defaultValue={q ?? ''}
        onChange={(e) =>
          void navigate({ search: { q: e.currentTarget.value.trim() || undefined }, replace: true })
        }
        w={280}
        mb="sm"
      />
      {institutions.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={institutions.error} />
      {institutions.data && rows.length === 0 && (
        <EmptyState
          icon={<IconBuilding size={32} aria-hidden />}
          title={t('institutions.emptyTitle')}
          description={q ? t('institutions.emptyFiltered') : t('institutions.emptyHint')}
          py="xl"
        />
      )}
      {rows.length > 0 && (
        <ResponsiveTable minWidth={640}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('institutions.code')}</Table.Th>
                <Table.Th scope="col">{t('institutions.name')}</Table.Th>
                <Table.Th scope="col">{t('institutions.city')}</Table.Th>
                <Table.Th scope="col">{t('institutions.country')}</Table.Th>
                <Table.Th scope="col">{t('institutions.openedOn')}</Table.Th>
                <Table.Th scope="col">{t('partners.host')}</Table.Th>
                {manage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((institution) => (
                <Table.Tr key={institution.code}>
                  <Table.Td ff="monospace">{institution.code}</Table.Td>
                  <Table.Td fw={500}>{localized(institution.name, locale)}</Table.Td>
                  <Table.Td>{institution.city}</Table.Td>
                  <Table.Td ff="monospace">{institution.countryCode}</Table.Td>
                  <Table.Td>
                    <DateText value={institution.openedOn} fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    {institution.host && <Badge color="teal.9">{t('partners.hostBadge')}</Badge>}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <ActionIconLink
                        to="/institutions/$code/edit"
                        params={{ code: institution.code }}
                        variant="subtle"
                        color="gray"
                        aria-label={t('institutions.editNamed', {
                          name: localized(institution.name, locale),
                        })}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIconLink>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
    </>
  );
}
