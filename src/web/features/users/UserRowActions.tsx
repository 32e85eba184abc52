import { ActionIcon, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconPencil,
  IconShieldOff,
  IconUserCheck,
  IconUserOff,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../contract/index.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../lib/errors.js';
import { resetSecondFactors, updateUser, userKeys } from './api.js';

interface Props {
  user: User;
  onEdit: () => void;
  onResetPassword: () => void;
}

export function UserRowActions({ user, onEdit, onResetPassword }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { active: !user.active }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      notifications.show({
        color: 'teal',
        message: t(updated.active ? 'users.reactivated' : 'users.deactivated', {
          name: user.displayName,
        }),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            loading={toggle.isPending}
            aria-label={t('users.actionsFor', { name: user.displayName })}
          >
            <IconDots size={16} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
            {t('users.editRoles')}
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={14} aria-hidden />} onClick={onResetPassword}>
            {t('users.resetPassword')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconShieldOff size={14} aria-hidden />}
            onClick={() => setConfirmingReset(true)}
          >
            {t('users.resetSecondFactors')}
          </Menu.Item>
          <Menu.Item
            color={user.active ? 'red.8' : undefined}
            leftSection={
              user.active ? (
                <IconUserOff size={14} aria-hidden />
              ) : (
                <IconUserCheck size={14} aria-hidden />
              )
            }
            onClick={() => toggle.mutate()}
          >
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {confirmingReset && (
        <ConfirmDialog
          title={t('users.resetSecondFactorsNamed', { name: user.displayName })}
          body={t('users.resetSecondFactorsBody', { name: user.displayName })}
          confirmLabel={t('users.resetSecondFactors')}
          danger
          onConfirm={async () => {
            await resetSecondFactors(user.id);
            notifications.show({
              color: 'teal',
              message: t('users.secondFactorsReset', { name: user.displayName }),
            });
          }}
          onClose={() => setConfirmingReset(false)}
        />
      )}
    </>
  );
}
