import {
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  SegmentedControl,
  Table,
  Text,
} from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { outboxQuery } from './api.js';
import { OutboxMessageModal } from './OutboxMessageModal.js';
import { STATUS_COLORS } from './status.js';

const route = getRouteApi('/app/messages/outbox');

/** The e-mails Rabita queued: what went out, what waits, what failed and why. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { status } = route.useSearch();
  const navigate = useNavigate();
  const outbox = useInfiniteQuery({ ...outboxQuery(status), placeholderData: keepPreviousData });
  const messages = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const [openId, setOpenId] = useState<number | null>(null);

  return (
    <>
      <PageHeader
        title={t('messages.outbox.title')}
        description={t('messages.outbox.description')}
        actions={<ExportMenu path="/api/v1/outbox/export" filters={{ status }} />}
      />
      <SegmentedControl
        mb="md"
        aria-label={t('messages.outbox.status')}
        value={status ?? 'all'}
        onChange={(value) =>
          void navigate({
            to: '/messages/outbox',
            search: { status: value === 'all' ? undefined : (value as OutboxStatus) },
          })
        }
        data={[
          { value: 'all', label: t('common.all') },
          ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`messages.status.${s}`) })),
        ]}
      />
      {outbox.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={outbox.error} />
      {outbox.data && messages.length === 0 && (
        <EmptyState
          icon={<IconMailOff size={32} aria-hidden />}
          title={t('messages.outbox.emptyTitle')}
          description={t('messages.outbox.emptyHint')}
          py="xl"
        />
      )}
      {messages.length > 0 && (
        <ResponsiveTable minWidth={860}>
          <Table withTableBorder highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('messages.outbox.queuedAt')}</Table.Th>
                <Table.Th scope="col">{t('messages.outbox.to')}</Table.Th>
                <Table.Th scope="col">{t('messages.outbox.subject')}</Table.Th>
                <Table.Th scope="col">{t('messages.outbox.status')}</Table.Th>
                <Table.Th scope="col">{t('messages.outbox.attempts')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {messages.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td>
                    <DateText value={message.createdAt} withTime fz="sm" />
                  </Table.Td>
                  <Table.Td>
                    <bdi dir="ltr">{message.to}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" lineClamp={1} dir="auto">
                      {message.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[message.status]}>
                      {t(`messages.status.${message.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{message.attempts}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setOpenId(message.id)}
                    >
                      {t('messages.outbox.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ResponsiveTable>
      )}
      {outbox.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {openId !== null && <OutboxMessageModal id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
