import { Group, List, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Eligibility, EligibilityLine } from '../../../contract/index.js';
import { currentLocale } from '../../i18n/index.js';
import { countOutcomes, eligibilitySentence, sortLines } from './eligibility.js';
import { DARK_ORANGE } from './labels.js';

const OUTCOME = {
  pass: { color: 'teal.8', Icon: IconCheck },
  warn: { color: DARK_ORANGE, Icon: IconAlertTriangle },
  fail: { color: 'red.9', Icon: IconX },
} as const;

function OutcomeIcon({
  outcome,
  size = 18,
}: {
  outcome: EligibilityLine['outcome'];
  size?: number;
}) {
  const { t } = useTranslation();
  const { color, Icon } = OUTCOME[outcome];
  return (
    <ThemeIcon color={color} size={size} radius="xl" variant="filled">
      <Icon size={size - 6} role="img" aria-label={t(`nominations.outcomeWord.${outcome}`)} />
    </ThemeIcon>
  );
}

/** Every rule as a sentence with an icon and its word (pass, warning, fails): not colour alone. */
export function EligibilityLines({
  eligibility,
  only,
}: {
  eligibility: Eligibility;
  /** Show only these outcomes, e.g. the failing lines of a refused submission. */
  only?: readonly EligibilityLine['outcome'][];
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const lines = sortLines(eligibility.lines).filter((l) => !only || only.includes(l.outcome));
  if (lines.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('nominations.noEligibilityLines')}
      </Text>
    );
  }
  return (
    <List spacing={4} fz="sm" listStyleType="none" ps={0}>
      {lines.map((line) => (
        <List.Item
          key={`${line.rule}-${JSON.stringify(line.params)}`}
          icon={<OutcomeIcon outcome={line.outcome} />}
        >
          <Text span fz="sm" c={line.outcome === 'fail' ? 'red.9' : undefined}>
            {eligibilitySentence(line, t, (key) => i18n.exists(key), locale)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** A table cell's summary: counts of failures and warnings, each with its icon and a tooltip. */
export function EligibilityFlags({
  eligibility,
  overridden,
}: {
  eligibility: Eligibility;
  overridden?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale();
  const counts = countOutcomes(eligibility.lines);
  const describe = (outcome: 'fail' | 'warn') =>
    eligibility.lines
      .filter((l) => l.outcome === outcome)
      .map((l) => eligibilitySentence(l, t, (key) => i18n.exists(key), locale))
      .join('\n');
  return (
    <Group gap={6} wrap="nowrap">
      {counts.fail === 0 && counts.warn === 0 && (
        <Group gap={4} wrap="nowrap">
          <OutcomeIcon outcome="pass" size={16} />
          <Text span fz="xs">
            {t('nominations.eligibleShort')}
          </Text>
        </Group>
      )}
      {counts.fail > 0 && (
        <Tooltip label={describe('fail')} multiline w={320} style={{ whiteSpace: 'pre-line' }}>
          <Group gap={4} wrap="nowrap" tabIndex={0}>
            <OutcomeIcon outcome="fail" size={16} />
            <Text span fz="xs" c="red.9">
              {t('nominations.failCount', { count: counts.fail })}
            </Text>
          </Group>
        </Tooltip>
      )}
      {counts.warn > 0 && (
        <Tooltip label={describe('warn')} multiline w={320} style={{ whiteSpace: 'pre-line' }}>
          <Group gap={4} wrap="nowrap" tabIndex={0}>
            <OutcomeIcon outcome="warn" size={16} />
            <Text span fz="xs">
              {t('nominations.warnCount', { count: counts.warn })}
            </Text>
          </Group>
        </Tooltip>
      )}
      {overridden && (
        <Text span fz="xs" fw={600}>
          {t('nominations.overriddenShort')}
        </Text>
      )}
    </Group>
  );
}
