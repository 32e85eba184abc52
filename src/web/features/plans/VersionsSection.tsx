import { Badge, Group, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeText } from '../../components/DateTimeText.js';
import { AnchorLink } from '../../components/links.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { compareQuery, versionsQuery } from './api.js';
import { scorePercent } from './labels.js';

const STATUS_COLOR = { proposed: 'blue', accepted: 'green', superseded: 'gray' } as const;

/** The year's saved versions, and what changed between two of them. */
export function VersionsSection({ year, current }: { year: number; current: number }) {
  const { t } = useTranslation();
  const versions = useQuery(versionsQuery(year));
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const left = from ?? (items[1] ? String(items[1].version) : null);
  const right = to ?? (items[0] ? String(items[0].version) : null);
  const ready = left !== null && right !== null && left !== right;
  const comparison = useQuery({
    ...compareQuery(year, Number(left), Number(right)),
    enabled: ready,
  });
  const choices = items.map((v) => ({
    value: String(v.version),
    label: t('plans.versionN', { version: v.version }),
  }));
  const c = comparison.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-versions">
      <Title order={2} fz="lg" mb="xs" id="plan-versions">
        {t('plans.versionsTitle')}
      </Title>
      <ProblemAlert error={versions.error} />
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plans.version')}</Table.Th>
              <Table.Th scope="col">{t('plans.status')}</Table.Th>
              <Table.Th scope="col">{t('plans.created')}</Table.Th>
              <Table.Th scope="col">{t('plans.scoreShort')}</Table.Th>
              <Table.Th scope="col">{t('plans.seatsMet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>
                  {v.version === current ? (
                    <Text fz="sm" fw={700} span>
                      {t('plans.versionN', { version: v.version })}
                    </Text>
                  ) : (
                    <AnchorLink
                      to="/plans/$year"
                      params={{ year: String(year) }}
                      search={{ version: v.version }}
                      fz="sm"
                    >
                      {t('plans.versionN', { version: v.version })}
                    </AnchorLink>
                  )}
                  {v.basedOn !== null && (
                    <Text span c="dimmed" fz="xs" ms={6}>
                      {t('plans.basedOn', { version: v.basedOn })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[v.status]} variant="light">
                    {t(`plans.statusName.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={v.createdAt} />
                </Table.Td>
                <Table.Td>{scorePercent(v.score, v.bound)} %</Table.Td>
                <Table.Td>
                  {v.seatsMet} / {v.seatsDemanded}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {items.length >= 2 && (
        <Stack gap="xs" mt="md">
          <Title order={3} fz="md">
            {t('plans.compareTitle')}
          </Title>
          <Group gap="sm" align="flex-end">
            <Select
              label={t('plans.compareFrom')}
              data={choices}
              value={left}
              onChange={setFrom}
              allowDeselect={false}
              w={160}
            />
            <Select
              label={t('plans.compareTo')}
              data={choices}
              value={right}
              onChange={setTo}
              allowDeselect={false}
              w={160}
            />
          </Group>
          <ProblemAlert error={comparison.error} />
          {c && (
            <Stack gap="xs" aria-live="polite">
              {c.moved.length + c.added.length + c.removed.length === 0 ? (
                <Text fz="sm">{t('plans.compareSame')}</Text>
              ) : (
                <List size="sm" spacing={2}>
                  {c.moved.map((m) => (
                    <List.Item key={`m${m.activityCode}${m.from.startDate}${m.to.startDate}`}>
                      {t('plans.compareMoved', {
                        code: m.activityCode,
                        from: `${m.from.startDate} ${m.from.venueCode}`,
                        to: `${m.to.startDate} ${m.to.venueCode}`,
                      })}
                    </List.Item>
                  ))}
                  {c.added.map((a) => (
                    <List.Item key={`a${a.activityCode}${a.startDate}${a.venueCode}`}>
                      {t('plans.compareAdded', {
                        code: a.activityCode,
                        at: `${a.startDate} ${a.venueCode}`,
                      })}
                    </List.Item>
                  ))}
                  {c.removed.map((r) => (
                    <List.Item key={`r${r.activityCode}${r.startDate}${r.venueCode}`}>
                      {t('plans.compareRemoved', {
                        code: r.activityCode,
                        at: `${r.startDate} ${r.venueCode}`,
                      })}
                    </List.Item>
                  ))}
                </List>
              )}
              <Table.ScrollContainer minWidth={360}>
                <Table withTableBorder fz="sm">
                  <caption>{t('plans.compareNations')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('plans.nation')}</Table.Th>
                      <Table.Th scope="col">{t('plans.versionN', { version: c.from })}</Table.Th>
                      <Table.Th scope="col">{t('plans.versionN', { version: c.to })}</Table.Th>
                      <Table.Th scope="col">{t('plans.change')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.nations.map((n) => (
                      <Table.Tr key={n.nationCode}>
                        <Table.Td>{n.nationCode}</Table.Td>
                        <Table.Td>{n.from}</Table.Td>
                        <Table.Td>{n.to}</Table.Td>
                        <Table.Td
                          c={n.change > 0 ? 'green.9' : n.change < 0 ? 'red.9' : undefined}
                          fw={n.change !== 0 ? 700 : undefined}
                        >
                          <bdi>{n.change > 0 ? `+${n.change}` : n.change}</bdi>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
