import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCatalogueNames } from '../catalogue/useNames.js';
import { disciplineColor } from './colors.js';

/** Which colour is which discipline; the bars also carry their code, so colour is a hint only. */
export function DisciplineLegend({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const names = useCatalogueNames();
  if (codes.length === 0) return null;
  return (
    <Group gap="md" mt="sm" aria-label={t('sessions.legend')} role="list">
      {[...codes].sort().map((code) => {
        const colour = disciplineColor(code);
        return (
          <Group key={code} gap={6} role="listitem">
            <Box
              w={14}
              h={14}
              style={{
                background: colour.background,
                borderInlineStart: `4px solid ${colour.edge}`,
                borderRadius: 2,
              }}
              aria-hidden
            />
            <Text fz="xs">{names.discipline(code)}</Text>
          </Group>
        );
      })}
    </Group>
  );
}
