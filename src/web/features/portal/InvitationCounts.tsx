import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NationPortal } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';

/**
 * The centre's invitations by name on sessions to come, beside the nominations: those waiting
 * for the nation's answer and those it accepted. Each opens the nation's invitations, where
 * they are answered.
 */
export function InvitationCounts({ counts }: { counts: NationPortal['invitations'] }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'pending', label: t('portal.invitationsPending'), count: counts.pending },
    { key: 'accepted', label: t('portal.invitationsAccepted'), count: counts.accepted },
  ];
  return (
    <SimpleGrid component="ul" cols={{ base: 2, sm: 4 }} spacing="xs" m={0} p={0}>
      {figures.map((figure) => (
        <Paper key={figure.key} component="li" withBorder p="xs" style={{ listStyle: 'none' }}>
          <AnchorLink
            to="/invitations"
            underline="hover"
            c={figure.count === 0 ? 'dimmed' : undefined}
            aria-label={t('portal.countLink', { count: figure.count, status: figure.label })}
          >
            <Text span display="block" fz={22} fw={700} lh={1.2}>
              {figure.count}
            </Text>
            <Text span display="block" fz="xs">
              {figure.label}
            </Text>
          </AnchorLink>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
