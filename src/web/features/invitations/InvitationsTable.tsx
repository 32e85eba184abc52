import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType, EventRole, Invitation, RsvpState } from '../../../contract/index.js';
import { rolesOfType } from '../../../domain/activity-kinds.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { localized } from '../../lib/localized.js';
import { answerInvitation, invitationKeys, setEventRole } from './api.js';
import { WithdrawInvitationButton } from './WithdrawInvitationButton.js';

/** The colour helps, the word says it. */
const RSVP_COLOR: Record<RsvpState, string> = {
  pending: 'indigo.9',
  accepted: 'teal.9',
  declined: 'red.9',
  withdrawn: 'dark.5',
};

interface Props {
  items: Invitation[];
  /** On a session's page the session is known: the column is left out. */
  showSession?: boolean;
  /** Staff change roles here; the activity's type says which roles exist. */
  roleChoices?: { type: ActivityType } | null;
  /** The centre may take back a pending or an accepted invitation (the session's page). */
  withdrawable?: boolean;
}

/**
 * Invitations by name with their RSVP state: the registrar reads who answered, an NPOC or the
 * invited person accepts or declines, staff change a role the activity's kind allows.
 */
export function InvitationsTable({
  items,
  showSession = false,
  roleChoices = null,
  withdrawable = false,
}: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function act(id: string, work: () => Promise<unknown>, done: string) {
    setBusy(id);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
      notifications.show({ color: 'teal', message: done });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const roles = roleChoices ? rolesOfType(roleChoices.type) : [];
  return (
    <>
      <ProblemAlert error={error} />
      <ResponsiveTable minWidth={640}>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              {showSession && <Table.Th scope="col">{t('invitations.session')}</Table.Th>}
              <Table.Th scope="col">{t('invitations.person')}</Table.Th>
              <Table.Th scope="col">{t('invitations.nation')}</Table.Th>
              <Table.Th scope="col">{t('invitations.role')}</Table.Th>
              <Table.Th scope="col">{t('invitations.rsvp')}</Table.Th>
              <Table.Th scope="col">{t('invitations.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const name =
                item.participantName.arabic && locale === 'ar'
                  ? item.participantName.arabic
                  : item.participantName.latin;
              return (
                <Table.Tr key={item.nominationId}>
                  {showSession && (
                    <Table.Td fz="sm">
                      <Text span ff="monospace" fz="xs" display="block">
                        <bdi dir="ltr">{item.sessionCode}</bdi>
                      </Text>
                      {localized(item.activityTitle, locale)}
                    </Table.Td>
                  )}
                  <Table.Td fz="sm">
                    <Text fz="sm" fw={500}>
                      {item.participantName.latin}
                    </Text>
                    {item.participantName.arabic && (
                      <Text fz="xs" c="dimmed" lang="ar" dir="rtl">
                        {item.participantName.arabic}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{item.nationCode}</Table.Td>
                  <Table.Td fz="sm">
                    {roles.length > 0 && item.rsvp !== 'declined' && item.rsvp !== 'withdrawn' ? (
                      <Select
                        aria-label={t('invitations.roleOf', { name })}
                        data={roles.map((r) => ({ value: r, label: t(`invitations.roles.${r}`) }))}
                        value={item.role}
                        allowDeselect={false}
                        disabled={busy === item.nominationId}
                        onChange={(value) =>
                          value &&
                          void act(
                            item.nominationId,
                            () => setEventRole(item.nominationId, value as EventRole),
                            t('invitations.roleSet'),
                          )
                        }
                        maw={220}
                      />
                    ) : (
                      t(`invitations.roles.${item.role}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RSVP_COLOR[item.rsvp]}>
                      {t(`invitations.state.${item.rsvp}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {item.answers.includes('accept') && (
                        <Button
                          size="xs"
                          aria-label={t('invitations.acceptFor', { name })}
                          loading={busy === item.nominationId}
                          onClick={() =>
                            void act(
                              item.nominationId,
                              () => answerInvitation(item.nominationId, { answer: 'accept' }),
                              t('invitations.accepted'),
                            )
                          }
                        >
                          {t('invitations.accept')}
                        </Button>
                      )}
                      {item.answers.includes('decline') && (
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={t('invitations.declineFor', { name })}
                          loading={busy === item.nominationId}
                          onClick={() =>
                            void act(
                              item.nominationId,
                              () => answerInvitation(item.nominationId, { answer: 'decline' }),
                              t('invitations.declined'),
                            )
                          }
                        >
                          {t('invitations.decline')}
                        </Button>
                      )}
                      {withdrawable && <WithdrawInvitationButton item={item} name={name} />}
                      {item.answers.length === 0 && !withdrawable && (
                        <Text span fz="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </>
  );
}
