import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Contact, ContactInput } from '../../../../contract/index.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../../lib/forms.js';
import { blankToNull } from '../../../lib/validation.js';
import { createContact, nationQuery, updateContact } from '../api.js';

interface Values {
  name: string;
  position: string;
  email: string;
  phone: string;
  primary: boolean;
}

const toInput = (v: Values) => ({
  name: v.name,
  position: blankToNull(v.position),
  email: blankToNull(v.email),
  phone: blankToNull(v.phone),
  primary: v.primary,
});

interface Props {
  nationCode: string;
  /** null to add a new contact. */
  contact: Contact | null;
  onClose: () => void;
}

export function ContactModal({ nationCode, contact, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      name: contact?.name ?? '',
      position: contact?.position ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      primary: contact?.primary ?? false,
    },
    validate: validateWith(ContactInput, toInput),
  });

  const { error, submit } = useSaveForm(form, async (values: Values) => {
    const body = parseWith(ContactInput, toInput, values);
    if (contact) await updateContact(nationCode, contact.id, body);
    else await createContact(nationCode, body);
    await queryClient.invalidateQueries({ queryKey: nationQuery(nationCode).queryKey });
    notifications.show({ color: 'teal', message: t('common.saved') });
    onClose();
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact ? t('contacts.edit') : t('contacts.add')}
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <ProblemAlert error={error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('contacts.name')}
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('contacts.position')}
              key={form.key('position')}
              {...form.getInputProps('position')}
            />
            <TextInput
              label={t('contacts.email')}
              type="email"
              dir="ltr"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('contacts.phone')}
              description={t('contacts.phoneHint')}
              type="tel"
              dir="ltr"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('contacts.primaryLabel')}
            key={form.key('primary')}
            {...form.getInputProps('primary', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
