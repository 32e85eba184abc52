import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconMail, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NationPortal } from '../../../contract/index.js';
import { DateRangeText } from '../../components/DateRangeText.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { useCan } from '../auth/session.js';
import { openSessionZonesQuery } from './api.js';
import { Deadline } from './Deadline.js';

/** Sessions open to the nation, soonest deadline first, with the seat numbers beside each. */
export function OpenSessionsTable({ sessions }: { sessions: NationPortal['openSessions'] }) {
  const { t } = useTranslation();
  const can = useCan();
  const zones = useQuery(openSessionZonesQuery);
  const locale = currentLocale();
  if (sessions.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('portal.noOpenSessions')}
      </Text>
    );
  }
  return (
    <ResponsiveTable minWidth={860}>
      <Table striped withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portal.session')}</Table.Th>
            <Table.Th scope="col">{t('portal.dates')}</Table.Th>
            <Table.Th scope="col">{t('portal.deadline')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('portal.quota')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('portal.selected')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('portal.pending')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('portal.invited')}
            </Table.Th>
            {can('nominations.propose') && (
              <Table.Th scope="col">
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.code}>
              <Table.Td fz="sm">
                <AnchorLink to="/sessions/$code" params={{ code: s.code }} ff="monospace" fw={500}>
                  <bdi dir="ltr">{s.code}</bdi>
                </AnchorLink>
                <Text span display="block" fz="xs" c="dimmed">
                  {localized(s.activityTitle, locale)}
                </Text>
              </Table.Td>
              <Table.Td>
                <DateRangeText start={s.startDate} end={s.endDate} stacked fz="sm" />
              </Table.Td>
              <Table.Td>
                <Deadline at={s.nominationDeadline} timeZone={zones.data?.get(s.code)} />
              </Table.Td>
              <Table.Td ta="end" fz="sm" fw={600}>
                {s.quota}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {s.selected}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {s.pending > 0 ? (
                  <AnchorLink
                    to="/nominations"
                    search={{ session: s.code }}
                    fz="sm"
                    display="inline-block"
                    miw={24}
                    lh="24px"
                    ta="center"
                  >
                    {s.pending}
                  </AnchorLink>
                ) : (
                  0
                )}
              </Table.Td>
              <Table.Td ta="end" fz="sm">
                {s.invited > 0 ? (
                  <AnchorLink to="/invitations" fz="sm">
                    {s.invited}
                  </AnchorLink>
                ) : s.seats === 'invitation' ? (
                  0
                ) : (
                  '–'
                )}
              </Table.Td>
              {can('nominations.propose') && (
                <Table.Td>
                  {s.seats === 'invitation' ? (
                    // Nobody is nominated here: the centre invites by name, the nation answers.
                    <Badge
                      variant="light"
                      color="grape"
                      leftSection={<IconMail size={12} aria-hidden />}
                      title={t('portal.byInvitationFor', { code: s.code })}
                    >
                      {t('portal.byInvitation')}
                    </Badge>
                  ) : (
                    <ButtonLink
                      to="/sessions/$code/nominate"
                      params={{ code: s.code }}
                      size="xs"
                      variant="light"
                      leftSection={<IconUserPlus size={14} aria-hidden />}
                      aria-label={t('portal.nominateFor', { code: s.code })}
                    >
                      {t('portal.nominate')}
                    </ButtonLink>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
