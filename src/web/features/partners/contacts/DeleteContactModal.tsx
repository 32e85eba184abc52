import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../contract/index.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { deleteContact, nationQuery } from '../api.js';

interface Props {
  nationCode: string;
  contact: Contact;
  onClose: () => void;
}

export function DeleteContactModal({ nationCode, contact, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteContact(nationCode, contact.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: nationQuery(nationCode).queryKey });
      notifications.show({ color: 'teal', message: t('contacts.deleted') });
      onClose();
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('contacts.deleteTitle')}>
      <Stack gap="sm">
        <ProblemAlert error={mutation.error} />
        <Text>{t('contacts.deleteConfirm', { name: contact.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.8" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
