import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.js';
import { PORTAL_STATUSES } from '../nominations/labels.js';

/** One figure per state; each opens the list filtered on it. */
export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid component="ul" cols={{ base: 3, sm: 5, lg: 9 }} spacing="xs" m={0} p={0}>
      {PORTAL_STATUSES.map((status) => {
        const count = counts[status] ?? 0;
        return (
          <Paper key={status} component="li" withBorder p="xs" style={{ listStyle: 'none' }}>
            <AnchorLink
              to="/nominations"
              search={{ status }}
              underline="hover"
              c={count === 0 ? 'dimmed' : undefined}
              aria-label={t('portal.countLink', {
                count,
                status: t(`nominations.status.${status}`),
              })}
            >
              <Text span display="block" fz={22} fw={700} lh={1.2}>
                {count}
              </Text>
              <Text span display="block" fz="xs">
                {t(`nominations.status.${status}`)}
              </Text>
            </AnchorLink>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
