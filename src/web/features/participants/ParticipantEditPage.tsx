import { Loader } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type ParticipantDetail, ParticipantUpdate } from '../../../contract/index.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { parseWith, useSaveForm, validateWith } from '../../lib/forms.js';
import { useDraft } from '../../lib/useDraft.js';
import { participantKeys, participantQuery, updateParticipant } from './api.js';
import { ParticipantForm } from './ParticipantForm.js';
import { latinName } from './ParticipantName.js';
import {
  duplicateLanguageErrors,
  type ParticipantFormValues,
  toParticipantChanges,
  toParticipantValues,
} from './participantForm.js';

const route = getRouteApi('/app/people/$id/edit');

export function ParticipantEditPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const person = useQuery(participantQuery(id));
  if (person.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (person.isError) return <ProblemAlert error={person.error} />;
  return <EditParticipant person={person.data} />;
}

function EditParticipant({ person }: { person: ParticipantDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useDraft<ParticipantFormValues>(`participant-${person.id}`, {
    restore: (values) => form.setValues(values),
    reset: () => form.reset(),
  });
  const changes = (values: ParticipantFormValues) => toParticipantChanges(values, person);
  const form = useForm<ParticipantFormValues>({
    initialValues: toParticipantValues(person),
    onValuesChange: draft.save,
    validate: (values) => ({
      ...validateWith(ParticipantUpdate, changes)(values),
      ...duplicateLanguageErrors(values, t('participants.duplicateLanguage')),
    }),
  });
  const back = () => navigate({ to: '/people/$id', params: { id: person.id } });

  const { error, submit } = useSaveForm(form, async (values: ParticipantFormValues) => {
    await updateParticipant(person.id, parseWith(ParticipantUpdate, changes, values));
    draft.clear();
    await queryClient.invalidateQueries({ queryKey: participantKeys.all });
    notifications.show({ color: 'teal', message: t('common.saved') });
    await back();
  });

  return (
    <>
      <PageHeader
        title={t('participants.editTitle', { name: latinName(person) })}
        above={
          <AnchorLink to="/people/$id" params={{ id: person.id }} fz="sm">
            {t('participants.backToPerson')}
          </AnchorLink>
        }
      />
      {draft.notice}
      <ParticipantForm
        form={form}
        nationEditable={false}
        error={error}
        submitLabel={t('common.saveChanges')}
        onSubmit={submit}
        onCancel={() => void back()}
      />
    </>
  );
}
