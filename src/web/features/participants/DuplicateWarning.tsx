import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconExternalLink, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { AnchorLink } from '../../components/links.js';
import { rankText } from './labels.js';
import { ParticipantName } from './ParticipantName.js';

interface Props {
  existing: readonly DuplicateCandidate[];
  creating: boolean;
  onCreateAnyway: () => void;
}

/**
 * The server found people of the same nation who look like the one being created. Each opens
 * in a new tab, so what was typed here stays; "create anyway" sends it again, confirmed.
 */
export function DuplicateWarning({ existing, creating, onCreateAnyway }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      // The light orange title alone is too pale to read; the body colour is not.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      icon={<IconUsers size={18} aria-hidden />}
      title={t('participants.duplicateTitle', { count: existing.length })}
      role="alert"
    >
      <Text fz="sm" mb="xs">
        {t('participants.duplicateIntro')}
      </Text>
      <List spacing="xs" fz="sm" mb="sm">
        {existing.map((person) => (
          <List.Item key={person.id}>
            <AnchorLink
              to="/people/$id"
              params={{ id: person.id }}
              target="_blank"
              rel="noopener"
              fw={500}
            >
              <ParticipantName person={person} layout="inline" />
              <IconExternalLink
                size={14}
                aria-label={t('participants.opensInNewTab')}
                style={{ marginInlineStart: 4, verticalAlign: 'middle' }}
              />
            </AnchorLink>
            <Text span fz="sm" ms="xs">
              <bdi dir="ltr">{rankText(person)}</bdi>
              {person.email && (
                <>
                  {t('common.listSeparator')}
                  <bdi dir="ltr">{person.email}</bdi>
                </>
              )}
              {person.dateOfBirth && (
                <>
                  {t('common.listSeparator')}
                  {t('participants.bornOn')} <DateText value={person.dateOfBirth} />
                </>
              )}
            </Text>
            <Text span display="block" fz="xs" c="dimmed">
              {person.reasons
                .map((r) => t(`participants.duplicateReason.${r}`))
                .join(t('common.listSeparator'))}
            </Text>
          </List.Item>
        ))}
      </List>
      <Group gap="sm">
        <Button loading={creating} onClick={onCreateAnyway}>
          {t('participants.createAnyway')}
        </Button>
      </Group>
    </Alert>
  );
}
