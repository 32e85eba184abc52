import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRole, Participant, Session } from '../../../contract/index.js';
import { rolesOfType } from '../../../domain/activity-kinds.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useParticipantSearch } from '../participants/index.js';
import { invitationKeys, inviteToSession } from './api.js';

interface Invitee {
  person: Participant;
  role: EventRole;
}

/**
 * The registrar invites one person, or a delegation of one nation (one of them head of
 * delegation), by name: search, add each with a role, then send the invitations.
 */
export function InviteForm({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = rolesOfType(session.activityType);
  const [q, setQ] = useState('');
  const [invitees, setInvitees] = useState<Invitee[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nation = invitees[0]?.person.nationCode;
  const people = useParticipantSearch(q, {
    nationCode: nation,
    limit: 10,
    enabled: q.trim() !== '',
  });
  const choices = people.people.filter((p) => !invitees.some((i) => i.person.id === p.id));

  async function send() {
    setBusy(true);
    setError(null);
    try {
      await inviteToSession(session.code, {
        invitees: invitees.map((i) => ({ participantId: i.person.id, role: i.role })),
      });
      setInvitees([]);
      setQ('');
      await queryClient.invalidateQueries({ queryKey: invitationKeys.all });
      notifications.show({ color: 'teal', message: t('invitations.sent') });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs" mt="md">
      <Text fw={600} fz="sm">
        {t('invitations.inviteTitle')}
      </Text>
      <TextInput
        label={t('invitations.searchPerson')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={420}
      />
      {choices.length > 0 && (
        <Select
          label={t('invitations.pickPerson')}
          data={choices.map((p) => ({
            value: p.id,
            label: `${p.familyNameLatin.toUpperCase()}, ${p.givenNamesLatin} (${p.nationCode})`,
          }))}
          value={null}
          onChange={(id) => {
            const person = choices.find((p) => p.id === id);
            if (person)
              setInvitees((list) => [...list, { person, role: roles[0] ?? 'participant' }]);
          }}
          maw={420}
        />
      )}
      {invitees.map((invitee, index) => (
        <Group key={invitee.person.id} gap="xs" wrap="wrap">
          <Text fz="sm" miw={200}>
            {invitee.person.familyNameLatin.toUpperCase()}, {invitee.person.givenNamesLatin}
          </Text>
          <Select
            aria-label={t('invitations.roleOf', { name: invitee.person.familyNameLatin })}
            data={roles.map((r) => ({ value: r, label: t(`invitations.roles.${r}`) }))}
            value={invitee.role}
            allowDeselect={false}
            onChange={(value) =>
              value &&
              setInvitees((list) =>
                list.map((i, n) => (n === index ? { ...i, role: value as EventRole } : i)),
              )
            }
            maw={220}
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            aria-label={t('invitations.remove', { name: invitee.person.familyNameLatin })}
            onClick={() => setInvitees((list) => list.filter((_, n) => n !== index))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <ProblemAlert error={error} />
      <Group>
        <Button onClick={() => void send()} loading={busy} disabled={invitees.length === 0}>
          {invitees.length > 1 ? t('invitations.inviteDelegation') : t('invitations.invite')}
        </Button>
      </Group>
    </Stack>
  );
}
