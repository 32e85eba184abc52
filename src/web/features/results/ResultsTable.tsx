import { Badge, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ParticipantResult,
  RESULT_STATUSES,
  type ResultStatus,
  type SessionResults,
} from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { PersonName } from '../nominations/PersonName.js';
import type { Draft } from './drafts.js';
import { validScore } from './drafts.js';
import { proposalReason, RESULT_COLOR } from './labels.js';

interface Props {
  data: SessionResults;
  drafts: ReadonlyMap<string, Draft>;
  locked: boolean;
  onChange: (nominationId: string, patch: Partial<Draft>) => void;
}

function AttendanceCell({ row }: { row: ParticipantResult }) {
  const { t } = useTranslation();
  const a = row.attendance;
  return (
    <Stack gap={0}>
      <Text fz="sm" fw={600}>
        {t('results.table.presentOf', { present: a.present, days: a.days })}
      </Text>
      {(a.absent > 0 || a.excused > 0 || a.unmarked > 0) && (
        <Text fz="xs" c="dimmed">
          {[
            a.absent > 0 ? t('results.table.absent', { count: a.absent }) : null,
            a.excused > 0 ? t('results.table.excused', { count: a.excused }) : null,
            a.unmarked > 0 ? t('results.table.unmarked', { count: a.unmarked }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

/** One row per participant: attendance, what the rule proposes and why, the confirmed status. */
export function ResultsTable({ data, drafts, locked, onChange }: Props) {
  const { t } = useTranslation();
  const toCome = data.workingDays.length - data.heldDays.length;
  const options = RESULT_STATUSES.map((status) => ({
    value: status,
    label: t(`results.status.${status}`),
  }));
  const scoreInput = (row: ParticipantResult, key: 'pre' | 'post', value: number | '') => (
    <NumberInput
      aria-label={t(key === 'pre' ? 'results.table.preOf' : 'results.table.postOf', {
        name: row.name.latin,
      })}
      size="xs"
      w={84}
      min={0}
      max={100}
      decimalScale={2}
      hideControls
      value={value}
      disabled={locked}
      error={validScore(value) ? undefined : t('results.table.scoreInvalid')}
      onChange={(next) =>
        onChange(row.nominationId, { [key]: typeof next === 'number' ? next : '' })
      }
    />
  );

  return (
    <ResponsiveTable minWidth={data.usesLevel2 ? 980 : 820}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('results.table.participant')}</Table.Th>
            <Table.Th scope="col">{t('results.table.attendance')}</Table.Th>
            <Table.Th scope="col">{t('results.table.proposed')}</Table.Th>
            <Table.Th scope="col">{t('results.table.status')}</Table.Th>
            {data.usesLevel2 && (
              <>
                <Table.Th scope="col">{t('results.table.pre')}</Table.Th>
                <Table.Th scope="col">{t('results.table.post')}</Table.Th>
              </>
            )}
            <Table.Th scope="col">{t('results.table.confirmed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.participants.map((row) => {
            const draft = drafts.get(row.nominationId);
            const status = draft?.status ?? null;
            const dirty = status !== row.status;
            return (
              <Table.Tr key={row.nominationId}>
                <Table.Td fz="sm">
                  <PersonName latin={row.name.latin} arabic={row.name.arabic} />
                  <Text span display="block" fz="xs" c="dimmed">
                    {row.nationCode}
                    {row.rankTitle ? ` · ${row.rankTitle}` : ''}
                    {row.nominationStatus === 'withdrawn'
                      ? ` · ${t('results.table.withdrawn')}`
                      : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AttendanceCell row={row} />
                </Table.Td>
                <Table.Td>
                  {row.proposed ? (
                    <>
                      <Badge color={RESULT_COLOR[row.proposed.status]} variant="outline">
                        {t(`results.status.${row.proposed.status}`)}
                      </Badge>
                      <Text fz="xs" c="dimmed" mt={2} maw={240}>
                        {proposalReason(t, row.proposed, data.completionPercent)}
                        {toCome > 0 && ` ${t('results.soFar')}`}
                      </Text>
                    </>
                  ) : (
                    <Text fz="xs" c="dimmed" maw={240}>
                      {t('results.nothingYet')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('results.table.statusOf', { name: row.name.latin })}
                    size="xs"
                    w={190}
                    data={options}
                    value={status}
                    placeholder={t('results.table.choose')}
                    disabled={locked}
                    allowDeselect={false}
                    onChange={(value) =>
                      onChange(row.nominationId, { status: (value as ResultStatus | null) ?? null })
                    }
                    styles={
                      dirty ? { input: { borderColor: 'var(--mantine-color-blue-6)' } } : undefined
                    }
                  />
                </Table.Td>
                {data.usesLevel2 && (
                  <>
                    <Table.Td>{scoreInput(row, 'pre', draft?.pre ?? '')}</Table.Td>
                    <Table.Td>{scoreInput(row, 'post', draft?.post ?? '')}</Table.Td>
                  </>
                )}
                <Table.Td fz="xs">
                  {row.status ? (
                    <>
                      <Badge color={RESULT_COLOR[row.status]}>
                        {t(`results.status.${row.status}`)}
                      </Badge>
                      <Text fz="xs" c="dimmed" mt={2}>
                        {row.confirmedByName}
                        {row.confirmedAt && (
                          <>
                            {' · '}
                            <DateText value={row.confirmedAt} timeZone={data.timeZone} fz="xs" />
                          </>
                        )}
                      </Text>
                    </>
                  ) : (
                    <Text fz="xs" c="orange.9" fw={600}>
                      {t('results.table.notConfirmed')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ResponsiveTable>
  );
}
