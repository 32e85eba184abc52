import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconClockHour4, IconMailQuestion, IconPlane, IconUserQuestion } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NationPortal } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { currentLocale } from '../../i18n/index.js';
import { openSessionZonesQuery } from './api.js';
import { Deadline } from './Deadline.js';

type Action = NationPortal['actions'][number];

const ICON = {
  deadline: IconClockHour4,
  proposal: IconUserQuestion,
  invitation: IconMailQuestion,
  logistics: IconPlane,
};

/** The person's name in the reader's script, when the person has a name in it. */
function readerName(name: { latin: string; arabic: string | null }): string {
  return currentLocale() === 'ar' && name.arabic ? name.arabic : name.latin;
}

// A name keeps its own direction inside a sentence of the other (first-strong isolate).
const isolated = (text: string) => `\u2068${text}\u2069`;

function ActionLink({ action }: { action: Action }) {
  const { t } = useTranslation();
  const code = <bdi dir="ltr">{action.sessionCode}</bdi>;
  const name = action.participantName ? isolated(readerName(action.participantName)) : null;
  const label =
    action.kind === 'logistics' && name
      ? t('names.logisticsFor', { name })
      : action.kind === 'invitation' && name
        ? t('portal.action.invitationFor', { name })
        : t(`portal.action.${action.kind}`);
  // An invitation is answered where the nation's invitations are listed.
  if (action.kind === 'invitation') {
    return (
      <AnchorLink to="/invitations" fz="sm" fw={500}>
        {label} {code}
      </AnchorLink>
    );
  }
  if (action.nominationId) {
    return (
      <AnchorLink to="/nominations/$id" params={{ id: action.nominationId }} fz="sm" fw={500}>
        {label} {code}
      </AnchorLink>
    );
  }
  if (action.kind === 'deadline') {
    return (
      <AnchorLink
        to="/sessions/$code/nominate"
        params={{ code: action.sessionCode }}
        fz="sm"
        fw={500}
      >
        {label} {code}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/sessions/$code" params={{ code: action.sessionCode }} fz="sm" fw={500}>
      {label} {code}
    </AnchorLink>
  );
}

/** What waits for the NPOC now; each line opens the place where it is done. */
export function ActionList({ actions }: { actions: NationPortal['actions'] }) {
  const { t } = useTranslation();
  const zones = useQuery(openSessionZonesQuery);
  if (actions.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('portal.nothingToDo')}
      </Text>
    );
  }
  return (
    <List spacing={6} listStyleType="none" ps={0}>
      {actions.map((action) => {
        const Icon = ICON[action.kind];
        return (
          <List.Item
            key={`${action.kind}-${action.sessionCode}-${action.nominationId ?? action.due ?? ''}`}
            icon={
              <ThemeIcon variant="light" size={22} radius="xl">
                <Icon size={14} aria-hidden />
              </ThemeIcon>
            }
          >
            <Group gap="md" wrap="wrap" align="baseline">
              <ActionLink action={action} />
              {action.due && (
                <Deadline
                  at={action.due}
                  timeZone={zones.data?.get(action.sessionCode)}
                  dateOnly={action.kind === 'logistics' || action.kind === 'invitation'}
                />
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
