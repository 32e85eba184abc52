import { ActionIcon, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Session } from '../../../contract/index.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import { isApiError } from '../../lib/api.js';
import { formatWeekday } from '../../lib/dates.js';
import { downloadFile } from '../../lib/download.js';
import { localized } from '../../lib/localized.js';
import { AgendaItemModal } from './AgendaItemModal.js';
import {
  agendaKeys,
  agendaPdfPath,
  agendaQuery,
  deleteAgendaItem,
  setAgendaPublished,
} from './api.js';

const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The session page's agenda: centre staff add, edit and remove items and publish it; the
 * session's nations and participants read it once published. A reader with nothing to see (a
 * draft, another nation's session) is answered 404, and the section stays out of the page.
 */
export function AgendaSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const query = useQuery(agendaQuery(session.code));
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (isApiError(query.error) && query.error.status === 404) return null;
  const agenda = query.data;
  const editable =
    agenda?.canEdit === true && session.status !== 'completed' && session.status !== 'cancelled';

  async function act(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: agendaKeys.session(session.code) });
      notifications.show({ color: 'teal', message });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const days = [...new Set((agenda?.items ?? []).map((i) => i.localStartsAt.slice(0, 10)))];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-agenda" id="agenda">
      <Group justify="space-between" align="center" mb="xs" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2} fz="lg" id="session-agenda">
            {t('agenda.title')}
          </Title>
          {agenda && (
            // Green, not teal: teal-9 on its light background reads 4.4:1, under AA's 4.5.
            <Badge color={agenda.status === 'published' ? 'green' : 'gray'} variant="light">
              {agenda.status === 'published' ? t('agenda.published') : t('agenda.draft')}
            </Badge>
          )}
        </Group>
        {agenda && agenda.items.length > 0 && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() =>
              void downloadFile(agendaPdfPath(session.code), { locale }, () => {}).catch(setError)
            }
          >
            {t('agenda.pdf')}
          </Button>
        )}
      </Group>
      {query.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      <ProblemAlert error={(isApiError(query.error) ? query.error : null) ?? error} />
      {agenda && (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('agenda.timesIn', { zone: agenda.timeZone })}
          </Text>
          {agenda.canEdit && agenda.status === 'draft' && (
            <Text fz="sm">{t('agenda.draftHint')}</Text>
          )}
          {agenda.items.length === 0 && <Text fz="sm">{t('agenda.empty')}</Text>}
          {days.map((day) => (
            <Stack gap={6} key={day}>
              <Title order={3} fz="md">
                {formatWeekday(day, locale)}
              </Title>
              <Stack
                gap={4}
                component="ul"
                style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}
              >
                {agenda.items
                  .filter((i) => i.localStartsAt.startsWith(day))
                  .map((item) => {
                    const title = localized(item.title, locale);
                    return (
                      <li key={item.id}>
                        <Paper withBorder p="xs" radius="sm">
                          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                            <Stack gap={2} style={{ minWidth: 0 }}>
                              <Text fz="sm" fw={600}>
                                <span dir="ltr">
                                  {item.localStartsAt.slice(11)}–{item.localEndsAt.slice(11)}
                                </span>{' '}
                                {title}
                              </Text>
                              {item.speakers.length > 0 && (
                                <Text fz="sm">
                                  {t('agenda.speakers')}:{' '}
                                  {item.speakers
                                    .map((s) =>
                                      isolate(
                                        locale === 'ar' && s.nameArabic
                                          ? s.nameArabic
                                          : s.nameLatin,
                                      ),
                                    )
                                    .join(locale === 'ar' ? '، ' : ', ')}
                                </Text>
                              )}
                              {item.room && (
                                <Text fz="sm" c="dimmed">
                                  {t('agenda.room')}: {isolate(item.room.name)}
                                </Text>
                              )}
                            </Stack>
                            {editable && (
                              <Group gap={4} wrap="nowrap">
                                <ActionIcon
                                  variant="subtle"
                                  aria-label={t('agenda.editNamed', { title })}
                                  onClick={() => setEditing(item)}
                                >
                                  <IconPencil size={16} aria-hidden />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={t('agenda.remove', { title })}
                                  disabled={busy}
                                  onClick={() =>
                                    void act(
                                      () => deleteAgendaItem(session.code, item.id),
                                      t('agenda.removed'),
                                    )
                                  }
                                >
                                  <IconTrash size={16} aria-hidden />
                                </ActionIcon>
                              </Group>
                            )}
                          </Group>
                        </Paper>
                      </li>
                    );
                  })}
              </Stack>
            </Stack>
          ))}
          {editable && (
            <Group gap="sm" wrap="wrap">
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing('new')}
              >
                {t('agenda.add')}
              </Button>
              {agenda.status === 'draft' ? (
                <Button
                  loading={busy}
                  disabled={agenda.items.length === 0}
                  onClick={() =>
                    void act(
                      () => setAgendaPublished(session.code, true),
                      t('agenda.publishedNote'),
                    )
                  }
                >
                  {t('agenda.publish')}
                </Button>
              ) : (
                <Button
                  variant="default"
                  loading={busy}
                  onClick={() =>
                    void act(
                      () => setAgendaPublished(session.code, false),
                      t('agenda.unpublishedNote'),
                    )
                  }
                >
                  {t('agenda.unpublish')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      )}
      {editing && agenda && (
        <AgendaItemModal
          agenda={agenda}
          venueCode={session.venueCode}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}
