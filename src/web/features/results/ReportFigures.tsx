import { Badge, Group, Paper, Progress, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionReport } from '../../../contract/index.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { formatWeekday } from '../../lib/dates.js';
import { localized } from '../../lib/localized.js';
import { PersonName } from '../nominations/PersonName.js';
import { RESULT_COLOR } from './labels.js';

const STATUS_KEYS = ['completed', 'partially-attended', 'failed', 'no-show', 'withdrawn'] as const;

function percent(value: number | null) {
  return value === null ? '—' : `${value}%`;
}

/** A figure with its label, large enough to read across a room. */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        <bdi>{value}</bdi>
      </Text>
    </Paper>
  );
}

/** A horizontal bar with its number beside it; the number is what screen readers hear. */
function Bar({
  value,
  label,
  color = 'teal.8',
}: {
  value: number | null;
  label: string;
  color?: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value ?? 0} color={color} w={120} aria-hidden />
      <Text fz="sm" fw={600}>
        <bdi>{label}</bdi>
      </Text>
    </Group>
  );
}

export function ReportSummary({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const level1 = report.evaluation.level1;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      <Figure label={t('report.figures.participants')} value={String(report.totals.participants)} />
      {report.resultsApply ? (
        <Figure label={t('report.figures.completed')} value={String(report.totals.completed)} />
      ) : (
        <Figure label={t('report.nation')} value={String(report.nations.length)} />
      )}
      <Figure label={t('report.figures.attendance')} value={percent(report.attendance.rate)} />
      <Figure
        label={t('report.figures.responseRate')}
        value={level1 ? percent(level1.responseRate) : '—'}
      />
    </SimpleGrid>
  );
}

export function NationTable({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // An event's people are counted, not graded.
  const statuses = report.resultsApply ? STATUS_KEYS : [];
  const cells = (c: SessionReport['totals']) => (
    <>
      <Table.Td>{c.participants}</Table.Td>
      {statuses.map((key) => (
        <Table.Td key={key}>{c[key]}</Table.Td>
      ))}
      {report.resultsApply && <Table.Td>{c.unconfirmed}</Table.Td>}
    </>
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('report.byNation')}
      </Title>
      <ResponsiveTable minWidth={720}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.nation')}</Table.Th>
              <Table.Th scope="col">{t('report.figures.participants')}</Table.Th>
              {statuses.map((key) => (
                <Table.Th scope="col" key={key}>
                  {t(`results.status.${key}`)}
                </Table.Th>
              ))}
              {report.resultsApply && (
                <Table.Th scope="col">{t('results.table.notConfirmed')}</Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.nations.map((n) => (
              <Table.Tr key={n.nationCode}>
                <Table.Th scope="row" fw={400}>
                  {localized(n.nationName, locale)} <bdi>({n.nationCode})</bdi>
                </Table.Th>
                {cells(n)}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('report.total')}</Table.Th>
              {cells(report.totals)}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </Paper>
  );
}

export function ParticipantTable({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const graded = report.resultsApply;
  const level2 = graded && report.session.evaluationLevels.includes(2);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {graded ? t('report.results') : t('report.participantsAttendance')}
      </Title>
      {!graded && (
        <Text fz="sm" c="dimmed" mb="xs">
          {t('report.attendanceOnly')}
        </Text>
      )}
      <ResponsiveTable minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('results.table.participant')}</Table.Th>
              <Table.Th scope="col">{t('results.table.attendance')}</Table.Th>
              {graded && <Table.Th scope="col">{t('results.table.status')}</Table.Th>}
              {level2 && <Table.Th scope="col">{t('report.scores')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.participants.map((p) => (
              <Table.Tr key={p.nominationId}>
                <Table.Td fz="sm">
                  <PersonName latin={p.name.latin} arabic={p.name.arabic} />
                  <Text span display="block" fz="xs" c="dimmed">
                    {p.nationCode}
                    {p.rankTitle ? ` · ${p.rankTitle}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">
                  {t('results.table.presentOf', {
                    present: p.attendance.present,
                    days: p.attendance.days,
                  })}
                </Table.Td>
                {graded && (
                  <Table.Td>
                    {p.status ? (
                      <Badge color={RESULT_COLOR[p.status]}>
                        {t(`results.status.${p.status}`)}
                      </Badge>
                    ) : p.proposed ? (
                      <Text fz="xs" c="dimmed">
                        {t('report.proposedOnly', { status: t(`results.status.${p.proposed}`) })}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )}
                {level2 && (
                  <Table.Td fz="sm">
                    <bdi>
                      {p.preTestScore ?? '—'} / {p.postTestScore ?? '—'}
                    </bdi>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
    </Paper>
  );
}

export function AttendanceByDay({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('report.attendanceByDay')}
      </Title>
      <ResponsiveTable minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.day')}</Table.Th>
              <Table.Th scope="col">{t('report.present')}</Table.Th>
              <Table.Th scope="col">{t('report.absent')}</Table.Th>
              <Table.Th scope="col">{t('report.excused')}</Table.Th>
              <Table.Th scope="col">{t('report.unmarked')}</Table.Th>
              <Table.Th scope="col">{t('report.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.attendance.days.map((d) => (
              <Table.Tr key={d.day}>
                <Table.Th scope="row" fw={400}>
                  <time dateTime={d.day}>{formatWeekday(d.day, locale)}</time>
                </Table.Th>
                <Table.Td>{d.present}</Table.Td>
                <Table.Td>{d.absent}</Table.Td>
                <Table.Td>{d.excused}</Table.Td>
                <Table.Td>{d.unmarked}</Table.Td>
                <Table.Td>
                  <Bar value={d.rate} label={percent(d.rate)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ResponsiveTable>
      <Text fz="sm" fw={600} mt="xs">
        {t('report.overallRate', { rate: percent(report.attendance.rate) })}
      </Text>
    </Paper>
  );
}

export function EvaluationSummary({ report }: { report: SessionReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { level1, level2 } = report.evaluation;
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('report.evaluation')}
      </Title>
      {!level1 && !level2 && (
        <Text fz="sm" c="dimmed">
          {t('report.noEvaluation')}
        </Text>
      )}
      {level1 && (
        <>
          <Title order={3} fz="md" mb={4}>
            {t('report.level1')}
          </Title>
          <Text fz="sm" mb="xs">
            {t('report.responses', {
              responses: level1.responses,
              invited: level1.invited,
              rate: percent(level1.responseRate),
            })}
          </Text>
          {level1.questions.length > 0 && (
            <Table withTableBorder mb="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('report.question')}</Table.Th>
                  <Table.Th scope="col">{t('report.answers')}</Table.Th>
                  <Table.Th scope="col">{t('report.mean')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {level1.questions.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td fz="sm">{localized(q.text, locale)}</Table.Td>
                    <Table.Td>{q.answers}</Table.Td>
                    <Table.Td>
                      <Bar
                        value={q.mean === null ? null : (q.mean / 5) * 100}
                        label={q.mean === null ? '—' : `${q.mean} / 5`}
                        color="indigo.7"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {level2 && (
        <>
          <Title order={3} fz="md" mb={4}>
            {t('report.level2')}
          </Title>
          <Text fz="sm">
            {t('report.level2Means', {
              scored: level2.scored,
              pre: level2.meanPre ?? '—',
              post: level2.meanPost ?? '—',
            })}
          </Text>
        </>
      )}
    </Paper>
  );
}
