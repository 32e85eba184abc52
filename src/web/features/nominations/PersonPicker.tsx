import { Button, Loader, Radio, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Eligibility, Participant } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { ParticipantName, useParticipantSearch } from '../participants/index.js';
import { eligibilityQuery } from './api.js';
import { EligibilityLines } from './EligibilityLines.js';

interface Props {
  sessionCode: string;
  value: string | null;
  onChange: (participant: Participant, eligibility: Eligibility | undefined) => void;
  /** Substitution keeps the seat in the nation: only its people are offered. */
  nationCode?: string;
  /** People already on the seat or nominated, who cannot be picked again. */
  excludeIds?: readonly string[];
  error?: string | null;
}

/**
 * Search people by name in either script and see, beside each, whether they may attend and why,
 * before anything is saved.
 */
export function PersonPicker({
  sessionCode,
  value,
  onChange,
  nationCode,
  excludeIds = [],
  error,
}: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const people = useParticipantSearch(q, { nationCode, limit: 20 });
  const shown = people.people.filter((p) => !excludeIds.includes(p.id));
  const eligibility = useQuery(
    eligibilityQuery(
      sessionCode,
      shown.map((p) => p.id),
    ),
  );
  const byId = new Map(eligibility.data?.items.map((i) => [i.participantId, i.eligibility]));
  const existingById = new Map(
    eligibility.data?.items.flatMap((i) =>
      i.existing ? [[i.participantId, i.existing] as const] : [],
    ),
  );

  return (
    <div>
      <TextInput
        label={t('nominations.searchPerson')}
        description={t('nominations.searchPersonHint')}
        placeholder={t('nominations.searchPersonPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          people.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null
        }
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={420}
        mb="xs"
      />
      <ProblemAlert error={people.error ?? eligibility.error} />
      {!people.isLoading && !people.error && shown.length === 0 && (
        <Text fz="sm" c="dimmed" mb="xs">
          {people.query ? t('nominations.noPeopleFound') : t('nominations.noPeople')}
        </Text>
      )}
      {shown.length > 0 && (
        <Radio.Group
          value={value}
          onChange={(id) => {
            const person = shown.find((p) => p.id === id);
            if (person) onChange(person, byId.get(person.id));
          }}
          label={t('nominations.person')}
          error={error}
          withAsterisk
        >
          <ResponsiveTable minWidth={760} mt={4}>
            <Table withTableBorder verticalSpacing={6} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('nominations.participant')}</Table.Th>
                  <Table.Th scope="col">{t('nominations.rank')}</Table.Th>
                  <Table.Th scope="col">{t('nominations.eligibility')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((p) => {
                  const result = byId.get(p.id);
                  const existing = existingById.get(p.id);
                  return (
                    <Table.Tr
                      key={p.id}
                      bg={value === p.id ? 'var(--mantine-primary-color-light)' : undefined}
                    >
                      <Table.Td valign="top" w="34%">
                        <Radio
                          value={p.id}
                          disabled={existing !== undefined}
                          label={<ParticipantName person={p} />}
                        />
                        {p.service && (
                          <Text fz="xs" c="dimmed" ms={28}>
                            {p.service}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td valign="top" fz="sm" w="14%">
                        <Text span ff="monospace" fz="xs">
                          {p.rankCode}
                        </Text>
                        {p.rankTitle && (
                          <Text span display="block" fz="xs" c="dimmed">
                            {p.rankTitle}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td valign="top">
                        {existing ? (
                          <Text fz="sm" fw={600}>
                            {t('nominations.alreadyNominated', {
                              status: t(`nominations.status.${existing.status}`),
                            })}{' '}
                            <AnchorLink to="/nominations/$id" params={{ id: existing.id }}>
                              {t('nominations.openIt')}
                            </AnchorLink>
                          </Text>
                        ) : result ? (
                          <EligibilityLines eligibility={result} />
                        ) : eligibility.isFetching ? (
                          <Loader size="xs" aria-label={t('common.loading')} />
                        ) : (
                          <Text fz="xs" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ResponsiveTable>
        </Radio.Group>
      )}
      {people.hasMore && (
        <Button
          variant="default"
          size="xs"
          mt="xs"
          loading={people.isFetching}
          onClick={people.loadMore}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
