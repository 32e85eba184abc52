import { Checkbox, Table, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BulkDecisionResult, NominationSummary } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { currentLocale } from '../../i18n/index.js';
import { ApiError } from '../../lib/api.js';
import { localized } from '../../lib/localized.js';
import { isDecidable } from './board.js';
import { EligibilityFlags } from './EligibilityLines.js';
import { nominationErrorMessage } from './messages.js';
import { PersonName } from './PersonName.js';
import { StatusBadge } from './StatusBadge.js';
import { WaitlistReason } from './WaitlistReason.js';

type Result = BulkDecisionResult['results'][number];

interface Props {
  rows: readonly NominationSummary[];
  checked: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  results: ReadonlyMap<string, Result>;
}

/** A bulk line's outcome in the reader's language, from its stable code when it failed. */
function ResultText({ result }: { result: Result }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Text span fz="xs" c="teal.9">
        <IconCheck size={12} aria-hidden /> {t('nominations.board.done')}
        {result.status && ` · ${t(`nominations.status.${result.status}`)}`}
      </Text>
    );
  }
  const [conflict] = result.conflicts ?? [];
  if (result.code === 'selection_conflict' && conflict) {
    return (
      <Text span fz="xs" c="red.9">
        <IconX size={12} aria-hidden /> {t('nominations.board.failed')}:{' '}
        {t('nominations.selectionConflict.row', { session: `\u2068${conflict.sessionCode}\u2069` })}
      </Text>
    );
  }
  const message = nominationErrorMessage(
    new ApiError({
      type: 'about:blank',
      title: '',
      status: 409,
      code: result.code ?? 'unknown',
      detail: result.detail ?? '',
    }),
  );
  return (
    <Text span fz="xs" c="red.9">
      <IconX size={12} aria-hidden /> {t('nominations.board.failed')}: {message}
    </Text>
  );
}

export function BoardTable({ rows, checked, onToggle, onToggleAll, results }: Props) {
  const { t } = useTranslation();
  const decidable = rows.filter(isDecidable);
  const all = decidable.length > 0 && decidable.every((r) => checked.has(r.id));
  const some = decidable.some((r) => checked.has(r.id));
  // Events, visits and exercises give people roles (head of delegation, speaker, VIP...).
  const roles = rows.some((r) => r.eventRole !== null);
  return (
    <ResponsiveTable minWidth={1000}>
      <Table striped highlightOnHover withTableBorder verticalSpacing={4}>
        <Table.Caption>{t('nominations.shown', { count: rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={36}>
              <Checkbox
                aria-label={t('nominations.board.checkAll')}
                checked={all}
                indeterminate={some && !all}
                disabled={decidable.length === 0}
                onChange={(event) => onToggleAll(event.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th scope="col">{t('nominations.nation')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('nominations.priority')}
            </Table.Th>
            <Table.Th scope="col">{t('nominations.participant')}</Table.Th>
            <Table.Th scope="col">{t('nominations.rank')}</Table.Th>
            {roles && <Table.Th scope="col">{t('invitations.role')}</Table.Th>}
            <Table.Th scope="col">{t('nominations.eligibility')}</Table.Th>
            <Table.Th scope="col">{t('nominations.statusLabel')}</Table.Th>
            <Table.Th scope="col">{t('nominations.board.waitlist')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => {
            const result = results.get(n.id);
            return (
              <Table.Tr key={n.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('nominations.board.check', { name: n.participantName.latin })}
                    checked={checked.has(n.id)}
                    disabled={!isDecidable(n)}
                    onChange={(event) => onToggle(n.id, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td ff="monospace" fz="sm">
                  {n.nationCode}
                </Table.Td>
                <Table.Td ta="end" fz="sm" fw={600}>
                  {n.priority ?? '—'}
                </Table.Td>
                <Table.Td fz="sm">
                  <AnchorLink to="/nominations/$id" params={{ id: n.id }} fz="sm" fw={500}>
                    <PersonName latin={n.participantName.latin} arabic={n.participantName.arabic} />
                  </AnchorLink>
                  {n.plannedActivity && (
                    <Text span display="block" fz="xs" c="dimmed">
                      {t('nominations.board.servesProgramme', {
                        goal: localized(n.plannedActivity.label, currentLocale()),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm">
                  <Text span ff="monospace" fz="xs">
                    {n.rankCode}
                  </Text>
                  {n.rankTitle && (
                    <Text span display="block" fz="xs" c="dimmed">
                      {n.rankTitle}
                    </Text>
                  )}
                </Table.Td>
                {roles && (
                  <Table.Td fz="sm">
                    {n.eventRole ? t(`invitations.roles.${n.eventRole}`) : '—'}
                    {n.invitedAt && (
                      <Text span display="block" fz="xs" c="dimmed">
                        {t('nominations.board.invited')}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <EligibilityFlags eligibility={n.eligibility} overridden={n.overridden} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={n.status} />
                  {n.seatSource && (
                    <Text span display="block" fz="xs" c="dimmed">
                      {t(`nominations.seat.${n.seatSource}`)}
                    </Text>
                  )}
                  {result && (
                    <Text span display="block" role="status">
                      <ResultText result={result} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm">
                  {n.waitlist ? (
                    <>
                      <Text span fw={700} fz="sm">
                        {n.waitlist.position}
                      </Text>
                      <WaitlistReason waitlist={n.waitlist} />
                    </>
                  ) : (
                    '—'
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
