import { ActionIcon, Indicator, Menu, ScrollArea, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../contract/index.js';
import { DateText } from '../../components/DateText.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { currentLocale } from '../../i18n/index.js';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  notificationsQuery,
} from './api.js';
import { readableParams } from './params.js';

/** Only in-app paths: a notification's link must never take the reader off the site. */
const isAppPath = (link: string | null): link is string =>
  typeof link === 'string' && link.startsWith('/') && !link.startsWith('//');

function NotificationText({ note }: { note: Notification }) {
  const { t, i18n } = useTranslation();
  const key = `notifications.kinds.${note.kind}`;
  return (
    <Text fz="sm" fw={note.readAt ? 400 : 600} style={{ whiteSpace: 'normal' }}>
      {i18n.exists(key)
        ? t(key, readableParams(note.params, t, currentLocale()))
        : t('notifications.unknownKind')}
    </Text>
  );
}

/** The bell in the header: unread count, latest notifications, mark read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const router = useRouter();
  const notifications = useQuery(notificationsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });
  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.items ?? [];

  function open(note: Notification) {
    if (!note.readAt) readOne.mutate(note.id);
    if (isAppPath(note.link)) router.history.push(note.link);
  }

  return (
    // The menu's target must be the button itself: it gets aria-haspopup, which a div may not carry.
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={16}
      disabled={unread === 0}
      offset={4}
      color="red"
    >
      <Menu
        position="bottom-end"
        width={360}
        shadow="md"
        withinPortal
        // A role=menu may hold only menu items; Mantine's focus placeholder is not one.
        withInitialFocusPlaceholder={false}
      >
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('notifications.bellLabel', { count: unread })}
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('notifications.title')}</Menu.Label>
          <Menu.Item
            closeMenuOnClick={false}
            disabled={unread === 0 || readAll.isPending}
            onClick={() => readAll.mutate()}
            fz="sm"
            c="indigo.8"
          >
            {t('notifications.markAllRead')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Divider />
          <ProblemAlert error={notifications.error ?? readOne.error ?? readAll.error} />
          {notifications.data && items.length === 0 && (
            <Text c="dimmed" fz="sm" px="sm" py="md">
              {t('notifications.empty')}
            </Text>
          )}
          {/* Menu items take focus by arrow keys only, so the scrolling list itself must be
              reachable by Tab for keyboard users to scroll it. */}
          <ScrollArea.Autosize
            mah={420}
            viewportProps={{
              tabIndex: 0,
              role: 'group',
              'aria-label': t('notifications.title'),
            }}
          >
            {items.map((note) => (
              <Menu.Item
                key={note.id}
                onClick={() => open(note)}
                closeMenuOnClick={isAppPath(note.link)}
                bg={note.readAt ? undefined : 'indigo.0'}
              >
                <NotificationText note={note} />
                <DateText value={note.createdAt} withTime fz="xs" c="dimmed" />
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        </Menu.Dropdown>
      </Menu>
    </Indicator>
  );
}
