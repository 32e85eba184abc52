import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantInput } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { useDraft } from '../../lib/useDraft.js';
import { useMe } from '../auth/session.js';
import { createParticipant, participantKeys, possibleDuplicates } from './api.js';
import { DuplicateWarning } from './DuplicateWarning.js';
import { ParticipantForm } from './ParticipantForm.js';
import { useSeesAllNations } from './ParticipantsPage.js';
import {
  duplicateLanguageErrors,
  type ParticipantFormValues,
  toParticipantInput,
  toParticipantValues,
} from './participantForm.js';

export function ParticipantCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const allNations = useSeesAllNations();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft<ParticipantFormValues>('participant-new', {
    restore: (values) => form.setValues(values),
    reset: () => form.reset(),
  });
  const form = useForm<ParticipantFormValues>({
    initialValues: toParticipantValues(undefined, me.user.nationCode),
    onValuesChange: draft.save,
    validate: (values) => ({
      ...validateWith(ParticipantInput, toParticipantInput)(values),
      ...duplicateLanguageErrors(values, t('participants.duplicateLanguage')),
    }),
  });
  // Set by "create anyway" for the one request that follows it.
  const confirmed = useRef(false);
  const [confirming, setConfirming] = useState(false);

  const { error, submit } = useSaveForm(form, async (values: ParticipantFormValues) => {
    const body = {
      ...parseWith(ParticipantInput, toParticipantInput, values),
      confirmNotDuplicate: confirmed.current,
    };
    confirmed.current = false;
    const person = await createParticipant(body);
    draft.clear();
    await queryClient.invalidateQueries({ queryKey: participantKeys.all });
    notifications.show({ color: 'teal', message: t('participants.created') });
    await navigate({ to: '/people/$id', params: { id: person.id } });
  });
  const duplicates = possibleDuplicates(error);

  async function createAnyway() {
    confirmed.current = true;
    setConfirming(true);
    try {
      await submit(form.getValues());
    } finally {
      setConfirming(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('participants.newTitle')}
        above={
          <AnchorLink to="/people" fz="sm">
            {t('participants.backToList')}
          </AnchorLink>
        }
      />
      {draft.notice}
      <ParticipantForm
        form={form}
        nationEditable={allNations}
        error={duplicates ? null : error}
        notice={
          duplicates && (
            <DuplicateWarning
              existing={duplicates}
              creating={confirming}
              onCreateAnyway={() => void createAnyway()}
            />
          )
        }
        submitLabel={t('participants.create')}
        onSubmit={submit}
        onCancel={() => void navigate({ to: '/people' })}
      />
    </>
  );
}
