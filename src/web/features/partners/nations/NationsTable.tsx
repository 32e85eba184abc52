import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NationSummary } from '../../../../contract/index.js';
import { DateText } from '../../../components/DateText.js';
import { AnchorLink } from '../../../components/links.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { currentLocale } from '../../../i18n/index.js';
import { localized } from '../../../lib/localized.js';
import { FrameworkName } from '../frameworks/FrameworkName.js';
import { STATUS_COLOR } from '../labels.js';

export function NationsTable({ nations }: { nations: readonly NationSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <ResponsiveTable minWidth={640}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('partners.count', { count: nations.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.code')}</Table.Th>
            <Table.Th scope="col">{t('partners.name')}</Table.Th>
            <Table.Th scope="col">{t('partners.framework')}</Table.Th>
            <Table.Th scope="col">{t('partners.status')}</Table.Th>
            <Table.Th scope="col">{t('partners.joinedOn')}</Table.Th>
            <Table.Th scope="col">{t('partners.host')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nations.map((nation) => (
            <Table.Tr key={nation.code}>
              <Table.Td ff="monospace">{nation.code}</Table.Td>
              <Table.Td>
                <AnchorLink to="/partners/$code" params={{ code: nation.code }} fw={500}>
                  {localized(nation.name, locale)}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <FrameworkName code={nation.frameworkCode} />
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[nation.status]}>
                  {t(`nationStatus.${nation.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DateText value={nation.joinedOn} fz="sm" />
              </Table.Td>
              <Table.Td>
                {nation.host && <Badge color="teal.9">{t('partners.hostBadge')}</Badge>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
